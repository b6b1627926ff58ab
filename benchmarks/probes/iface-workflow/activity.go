package workflow

import "time"

// Result is what an activity returns to the workflow.
type Result struct {
	Activity string
	Value    any
	Err      error
}

// Outcome gathers the results of two activities run side by side.
type Outcome struct {
	Workflow string
	Results  [2]Result
}

// Receipt is an activity's result value.
type Receipt struct {
	Amount int
}

func (r *Receipt) Sum() int { return r.Amount }

// Shipment is another.
type Shipment struct {
	Parcels int
}

func (s *Shipment) Sum() int { return s.Parcels }

// ReceiptAmount asserts the activity's result back to its own type.
func ReceiptAmount(amount int) int {
	rc := Receipt{Amount: amount}
	res := Result{Activity: "charge", Value: &rc}
	if res.Err != nil {
		return -1
	}
	return res.Value.(*Receipt).Amount
}

// OutcomeTotal adds the results of a charge and a shipment activity.
func OutcomeTotal(amount, parcels int) int {
	rc := Receipt{Amount: amount}
	sh := Shipment{Parcels: parcels}
	out := Outcome{Workflow: "order", Results: [2]Result{{Activity: "charge", Value: &rc}, {Activity: "ship", Value: &sh}}}
	return out.Results[0].Value.(Summer).Sum() + out.Results[1].Value.(Summer).Sum()
}

// Future delivers a result to a callback the caller chose.
func Future(amount int, then func(Result)) {
	rc := Receipt{Amount: amount}
	res := Result{Activity: "charge", Value: &rc}
	if _, ok := res.Value.(Summer); ok {
		then(res)
	}
}

// Heartbeat keeps the last result of an activity on the worker.
type Heartbeat struct {
	last Result
	at   time.Time
}

// Record keeps the result in a field that outlives the call.
func (h *Heartbeat) Record(parcels int) int {
	sh := Shipment{Parcels: parcels}
	res := Result{Activity: "ship", Value: &sh}
	h.last = res
	return res.Value.(Summer).Sum()
}

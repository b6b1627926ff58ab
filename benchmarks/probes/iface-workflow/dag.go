package workflow

import (
	"fmt"
	"strconv"
	"sync"
)

// Order is a task payload.
type Order struct {
	ID    int
	Total int
}

func (o *Order) String() string { return "order" }

// Invoice is another payload.
type Invoice struct {
	Number int
	Due    int
}

// Summer totals what an activity produced.
type Summer interface {
	Sum() int
}

func (o *Order) Sum() int   { return o.Total }
func (i *Invoice) Sum() int { return i.Due }

// Task is a node of a DAG; its payload is whatever the activity needs.
type Task struct {
	ID      string
	Deps    []string
	Payload any
}

// Graph is a small DAG definition keyed by task ID.
type Graph struct {
	Name  string
	Nodes map[string]Task
}

// RunContext carries the variables a workflow run shares between tasks.
type RunContext struct {
	RunID string
	Vars  map[string]any
}

// TaskTotal reads back the payload a task was built with.
func TaskTotal(id, total int) int {
	o := Order{ID: id, Total: total}
	t := Task{ID: "charge", Payload: &o}
	if order, ok := t.Payload.(*Order); ok {
		return order.Total
	}
	return 0
}

// GraphTotal builds a one-node graph and totals its payload.
func GraphTotal(total int) int {
	o := Order{Total: total}
	g := Graph{Name: "billing", Nodes: map[string]Task{"charge": {ID: "charge", Payload: &o}}}
	return g.Nodes["charge"].Payload.(Summer).Sum()
}

// RunUser reads the user and attempt back out of a run's variables.
func RunUser(id int, attempt int) string {
	o := Order{ID: id}
	ctx := RunContext{RunID: "r1", Vars: map[string]any{"order": &o, "attempt": attempt}}
	s := ctx.Vars["order"].(fmt.Stringer).String()
	return s + "#" + strconv.Itoa(ctx.Vars["attempt"].(int))
}

// VarsTotal is the single-step form: the variables map itself.
func VarsTotal(due int) int {
	inv := Invoice{Due: due}
	vars := map[string]any{"invoice": &inv}
	return vars["invoice"].(Summer).Sum()
}

// DepsTotal totals two upstream results held in a task's inputs array.
func DepsTotal(a, b int) int {
	o := Order{Total: a}
	inv := Invoice{Due: b}
	in := struct {
		Task   string
		Inputs [2]any
	}{Task: "merge", Inputs: [2]any{&o, &inv}}
	return in.Inputs[0].(Summer).Sum() + in.Inputs[1].(Summer).Sum()
}

// Scheduler queues tasks for later: what it queues outlives the call.
type Scheduler struct {
	mu    sync.Mutex
	queue []Task
}

// Enqueue keeps the task, payload and all.
func (s *Scheduler) Enqueue(total int) int {
	o := Order{Total: total}
	t := Task{ID: "charge", Payload: &o}
	s.mu.Lock()
	s.queue = append(s.queue, t)
	s.mu.Unlock()
	return t.Payload.(Summer).Sum()
}

// RetargetTotal writes the payload again before it is read back.
func RetargetTotal(total, due int, invoice bool) int {
	o := Order{Total: total}
	inv := Invoice{Due: due}
	t := Task{ID: "bill", Payload: &o}
	if invoice {
		t.Payload = &inv
	}
	return t.Payload.(Summer).Sum()
}

// ParallelTotal runs the task in a goroutine that reads the payload while the caller replaces it.
func ParallelTotal(a, b int) int {
	o := Order{Total: a}
	inv := Invoice{Due: b}
	g := Graph{Nodes: map[string]Task{"t": {Payload: &o}}}
	done := make(chan int, 1)
	go func() { done <- g.Nodes["t"].Payload.(Summer).Sum() }()
	g.Nodes["t"] = Task{Payload: &inv}
	return <-done
}

// NodeTotal reads a node chosen by the caller: which entry is not known here.
func NodeTotal(id string, a, b int) int {
	o := Order{Total: a}
	inv := Invoice{Due: b}
	g := Graph{Nodes: map[string]Task{"order": {Payload: &o}, "invoice": {Payload: &inv}}}
	if s, ok := g.Nodes[id].Payload.(Summer); ok {
		return s.Sum()
	}
	return -1
}

package plugins

// State is one state of a connection's state machine.
type State interface {
	Next(ev byte) string
}

// Terminal is a state the machine stops in.
type Terminal interface {
	Done() bool
}

type idle struct{ opens int }

func (s *idle) Next(ev byte) string {
	if ev == 'o' {
		s.opens++
		return "open"
	}
	return "idle"
}

type open struct{ timeout int }

func (s *open) Next(ev byte) string {
	switch ev {
	case 'c':
		return "closed"
	case 't':
		if s.timeout > 0 {
			return "open"
		}
		return "closed"
	}
	return "open"
}

type closed struct{ reason string }

func (s *closed) Next(ev byte) string { return "closed" }
func (s *closed) Done() bool          { return true }

// Run drives a machine whose states live in a local map.
func Run(events string) string {
	i := idle{}
	o := open{timeout: 3}
	c := closed{reason: "eof"}
	states := map[string]State{"idle": &i, "open": &o, "closed": &c}
	cur := "idle"
	for j := 0; j < len(events); j++ {
		cur = states[cur].Next(events[j])
	}
	return cur
}

// StartState feeds one event to the idle state.
func StartState(ev byte) string {
	i := idle{}
	states := map[string]State{"idle": &i}
	return states["idle"].Next(ev)
}

// IsTerminal asks the closed state whether it is terminal.
func IsTerminal() bool {
	c := closed{reason: "reset"}
	states := map[string]State{"closed": &c}
	t, ok := states["closed"].(Terminal)
	return ok && t.Done()
}

// Transition is an edge of the machine: the state it enters, and its cost.
type Transition struct {
	To    State
	On    byte
	Cost  int
	Reset bool
}

// Step takes an inline transition.
func Step(ev byte) (string, int) {
	o := open{timeout: 1}
	tr := Transition{To: &o, On: 'o', Cost: 2}
	if ev != tr.On {
		return "idle", 0
	}
	return tr.To.Next(ev), tr.Cost
}

// Resettable reports the reset flag of an inline transition beside its next state.
func Resettable(ev byte) (string, bool) {
	c := closed{reason: "abort"}
	tr := Transition{To: &c, On: 'x', Reset: true}
	return tr.To.Next(ev), tr.Reset
}

// Machine keeps its current state between events.
type Machine struct {
	cur State
}

// Enter stores the state the machine moves into: kept past the call.
func (m *Machine) Enter(ev byte) string {
	o := open{timeout: 5}
	tr := Transition{To: &o}
	m.cur = tr.To
	return tr.To.Next(ev)
}

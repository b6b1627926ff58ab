package events

import "strings"

// State is a state of a connection's lifecycle; the current state decides the next.
type State interface {
	Name() string
	On(ev string) State
}

// Enterer states run an action when entered.
type Enterer interface{ Enter(log *strings.Builder) }

type idle struct{}
type dialing struct{ tries int }
type open struct{ since int }
type closed struct{ reason string }

func (idle) Name() string { return "idle" }
func (s idle) On(ev string) State {
	if ev == "dial" {
		return &dialing{}
	}
	return s
}

func (d *dialing) Name() string { return "dialing" }
func (d *dialing) On(ev string) State {
	switch ev {
	case "ok":
		return &open{}
	case "fail":
		d.tries++
		if d.tries >= 3 {
			return &closed{reason: "gave up"}
		}
	}
	return d
}
func (d *dialing) Enter(log *strings.Builder) { log.WriteString("dial;") }

func (o *open) Name() string { return "open" }
func (o *open) On(ev string) State {
	if ev == "close" {
		return &closed{reason: "bye"}
	}
	o.since++
	return o
}
func (o *open) Enter(log *strings.Builder) { log.WriteString("open;") }

func (c *closed) Name() string       { return "closed" }
func (c *closed) On(ev string) State { return c }

// Drive feeds the events to the machine from idle; the state is reassigned every step.
func Drive(evs []string) string {
	var log strings.Builder
	var st State = idle{}
	for _, ev := range evs {
		next := st.On(ev)
		if next != st {
			if en, ok := next.(Enterer); ok {
				en.Enter(&log)
			}
		}
		st = next
	}
	return st.Name() + " " + log.String()
}

// Retries reports how many dials a fresh dialing state allows before closing.
func Retries() int {
	d := dialing{}
	var st State = &d
	n := 0
	for {
		n++
		if _, ok := st.On("fail").(*closed); ok {
			return n
		}
	}
}

// Label names a state for a status page, with the table of display names.
func Label(st State) string {
	names := map[string]string{"idle": "Idle", "dialing": "Connecting…", "open": "Online", "closed": "Offline"}
	if s, ok := names[st.Name()]; ok {
		return s
	}
	return st.Name()
}

// EnterOpen enters the open state directly and returns its log.
func EnterOpen() string {
	var log strings.Builder
	o := open{}
	states := map[string]State{"open": &o}
	if en, ok := states["open"].(Enterer); ok {
		en.Enter(&log)
	}
	return log.String()
}

// Transitions counts the steps the machine takes from dialing to open, one state at a time.
func Transitions() int {
	d := dialing{}
	steps := []State{&d}
	n := 0
	for _, s := range steps {
		if s.On("ok").Name() == "open" {
			n++
		}
	}
	return n
}

// Phase maps a state to its coarse phase by type.
func Phase(st State) int {
	switch st.(type) {
	case idle:
		return 0
	case *dialing:
		return 1
	case *open:
		return 2
	default:
		return 3
	}
}

// Reason tells why a fresh closed state closed.
func Reason(r string) string {
	c := closed{reason: r}
	var st State = &c
	if cs, ok := st.(*closed); ok {
		return cs.reason
	}
	return st.Name()
}

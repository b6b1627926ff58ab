package interp

// State is one state of a machine; Next gives the state after a byte.
type State interface {
	Next(c byte) State
	Name() string
}

type Terminal interface{ Accepting() bool }

type lexStart struct{}

type lexNum struct{ digits int }

type lexErr struct{ at int }

func (*lexStart) Name() string { return "start" }
func (*lexNum) Name() string   { return "num" }
func (*lexErr) Name() string   { return "err" }

func (s *lexStart) Next(c byte) State {
	if c >= '0' && c <= '9' {
		return &lexNum{digits: 1}
	}
	return &lexErr{}
}

func (s *lexNum) Next(c byte) State {
	if c >= '0' && c <= '9' {
		s.digits++
		return s
	}
	return &lexErr{}
}

func (s *lexErr) Next(c byte) State { return s }

func (s *lexNum) Accepting() bool { return s.digits > 0 }

// Lex runs the number machine over a word: the state changes at every byte.
func Lex(word string) string {
	var start lexStart
	var cur State = &start
	for i := 0; i < len(word); i++ {
		cur = cur.Next(word[i])
	}
	if t, ok := cur.(Terminal); ok && t.Accepting() {
		return "number"
	}
	return cur.Name()
}

// Accepts reports whether a machine parked in a number state accepts.
func Accepts(digits int) bool {
	st := lexNum{digits: digits}
	var s State = &st
	t, ok := s.(Terminal)
	return ok && t.Accepting()
}

type door struct {
	open bool
	name string
}

func (d *door) Next(c byte) State {
	d.open = c == 'o'
	return d
}

func (d *door) Name() string {
	if d.open {
		return d.name + ":open"
	}
	return d.name + ":closed"
}

// DoorAfter drives the door named in a small state table by one event.
func DoorAfter(ev byte) string {
	front := door{name: "front"}
	back := door{name: "back"}
	states := map[string]State{"front": &front, "back": &back}
	return states["front"].Next(ev).Name()
}

// Machine holds the current state of a protocol handshake.
type Machine struct {
	cur   State
	steps int
}

// HandshakeDone reports whether a handshake parked in a state is finished.
func HandshakeDone(digits int) string {
	st := lexNum{digits: digits}
	m := Machine{cur: &st}
	if t, ok := m.cur.(Terminal); ok && t.Accepting() {
		return "done"
	}
	return m.cur.Name()
}

// Phase names the first state of a two-phase table.
func Phase(ev byte) string {
	var idle lexStart
	num := lexNum{}
	table := [2]State{&idle, &num}
	return table[0].Next(ev).Name()
}

// Cycle steps a traffic light whose states sit in a ring: the index is computed.
func Cycle(n int) string {
	red := door{name: "red"}
	green := door{name: "green"}
	amber := door{name: "amber"}
	ring := [3]State{&red, &green, &amber}
	return ring[n%3].Name()
}

package p3

import (
	"fmt"
	"io"
	"strings"
)

type Event struct {
	Kind    string
	Payload any
}

type user struct{ name string }

func (u *user) String() string { return "user:" + u.name }

// Nested: an element's field read back.
func Nested(name string) string {
	u := user{name: name}
	evs := []Event{{Kind: "login", Payload: &u}}
	return evs[0].Kind + " " + evs[0].Payload.(fmt.Stringer).String()
}

type sinkOpts struct {
	name string
	sink any
}

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// Assigned: a field set by assignment, then asserted.
func Assigned(lines []string) int {
	var c counter
	var o sinkOpts
	o.name = "count"
	o.sink = &c
	w := o.sink.(io.Writer)
	for _, l := range lines {
		w.Write([]byte(l))
	}
	return c.n + len(o.name)
}

// Comma-ok with else branch that uses the fallback.
func Fallback(name string) string {
	u := user{name: name}
	e := Event{Kind: "k", Payload: &u}
	s, ok := e.Payload.(fmt.Stringer)
	if !ok {
		return "?"
	}
	return strings.ToUpper(s.String())
}

// Pointer holder with any field.
func Holder(name string) string {
	u := user{name: name}
	e := &Event{Kind: "k", Payload: &u}
	if s, ok := e.Payload.(fmt.Stringer); ok {
		return e.Kind + s.String()
	}
	return e.Kind
}

// Array of any with keyed index, asserted in a loop body (value stored outside the loop).
func Loop(name string, n int) int {
	u := user{name: name}
	slots := [2]any{1: &u}
	total := 0
	for i := 0; i < n; i++ {
		total += len(slots[1].(fmt.Stringer).String())
	}
	return total
}

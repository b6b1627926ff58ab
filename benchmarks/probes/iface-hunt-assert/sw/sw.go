package sw

import (
	"fmt"
	"io"
)

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type event struct {
	Kind    string
	Payload any
}

var keep any

// DefaultFirst lists its default before the case that matches.
func DefaultFirst(n int) string {
	a := named{"a"}
	ev := event{Payload: &a}
	switch x := ev.Payload.(type) {
	default:
		keep = x
		return "default"
	case fmt.Stringer:
		return x.String()
	}
}

// NilFirst lists nil first, a typed nil stored.
func NilFirst(n int) string {
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	ev := event{Payload: p}
	switch x := ev.Payload.(type) {
	case nil:
		return "nil"
	case fmt.Stringer:
		keep = x
		return "stringer"
	}
	return "none"
}

// LocalDefaultFirst lists default first on a local.
func LocalDefaultFirst(n int) string {
	a := named{"a"}
	var i any = &a
	switch x := i.(type) {
	default:
		return "default"
	case io.Writer:
		return "writer"
	case fmt.Stringer:
		keep = x
		return x.String()
	}
}

// FallbackAfter takes no case and goes on after the switch.
func FallbackAfter(n int) string {
	a := named{"a"}
	ev := event{Payload: &a}
	switch x := ev.Payload.(type) {
	case io.Writer:
		keep = x
		return "writer"
	}
	return fmt.Sprint("after ", ev.Payload.(fmt.Stringer).String())
}

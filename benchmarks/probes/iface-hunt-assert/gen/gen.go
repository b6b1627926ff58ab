package gen

import (
	"fmt"
	"io"
)

type event struct {
	Kind    string
	Payload any
}

// G1 says whether a pointer to x is a Stringer.
func G1[T any](x T) string {
	ev := event{Payload: &x}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "plain"
}

// G2 says whether a pointer to x is a Stringer, through a local.
func G2[T any](x T) string {
	var i any = &x
	if s, ok := i.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "plain"
}

// G3 writes x through a pointer if it can.
func G3[T any](x T) string {
	parts := []any{&x}
	if w, ok := parts[0].(io.Writer); ok {
		fmt.Fprint(w, "hello")
		return "written"
	}
	return "plain"
}

// G4 asks a struct holding a T.
type holder[T any] struct{ v T }

func G4[T any](x T) string {
	h := holder[T]{v: x}
	ev := event{Payload: &h}
	if _, ok := ev.Payload.(fmt.Stringer); ok {
		return "stringer"
	}
	return "plain"
}

// G5 asks x's pointer for its own type.
func G5[T any](x T) string {
	ev := event{Payload: &x}
	if p, ok := ev.Payload.(*int); ok {
		keep = p
		return fmt.Sprint("int ", *p)
	}
	return "other"
}

// G6 uses a non-empty constraint.
func G6[T fmt.Stringer](x T) string {
	ev := event{Payload: &x}
	if _, ok := ev.Payload.(fmt.Stringer); ok {
		return "stringer"
	}
	return "plain " + x.String()
}

var keep *int

// G7 sends x's pointer, if a writer, to a sink.
func G7[T any](x T, sink func(io.Writer)) string {
	ev := event{Payload: &x}
	if w, ok := ev.Payload.(io.Writer); ok {
		sink(w)
		return "sunk"
	}
	return "plain"
}

// G8 never calls through the result, but stores it.
var kept fmt.Stringer

func G8[T any](x T) string {
	var i any = &x
	if s, ok := i.(fmt.Stringer); ok {
		kept = s
		return "stringer"
	}
	return "plain"
}

package tp

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type event struct {
	Kind    string
	Payload any
}

var keep any

// SwitchT switches with a type parameter's case first.
func SwitchT[T any](alt T) string {
	a := named{"a"}
	ev := event{Payload: &a}
	switch p := ev.Payload.(type) {
	case T:
		keep = p
		return "the T"
	case fmt.Stringer:
		return p.String()
	}
	return "none"
}

// OkT asks for the type parameter with comma-ok.
func OkT[T any](alt T) string {
	a := named{"a"}
	ev := event{Payload: &a}
	if p, ok := ev.Payload.(T); ok {
		keep = p
		return "the T"
	}
	return ev.Payload.(fmt.Stringer).String()
}

// OkTLocal asks a local any for the type parameter.
func OkTLocal[T any](alt T) string {
	a := named{"a"}
	var i any = &a
	if p, ok := i.(T); ok {
		keep = p
		return "the T"
	}
	if s, ok := i.(fmt.Stringer); ok {
		return s.String()
	}
	return "none"
}

// SwitchPtrT switches with *T.
func SwitchPtrT[T any](alt T) string {
	a := named{"a"}
	parts := []any{&a}
	switch p := parts[0].(type) {
	case *T:
		keep = p
		return "ptr T"
	case fmt.Stringer:
		return p.String()
	}
	return "none"
}

// SwitchTNoBind switches without binding.
func SwitchTNoBind[T any](alt T) string {
	a := named{"a"}
	var i any = &a
	switch i.(type) {
	case T:
		return "the T"
	case fmt.Stringer:
		return i.(fmt.Stringer).String()
	}
	return "none"
}

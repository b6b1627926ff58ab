package term

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type event struct{ Payload any }

var keep any

// Drain reads values until a negative one, then says it is done.
func Drain(ch chan int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
	outer:
		for {
			select {
			case v := <-ch:
				if v < 0 {
					break outer
				}
				*out = append(*out, fmt.Sprint(v))
			}
		}
	}
	*out = append(*out, "after")
}

// DrainSwitch leaves its loop through a labelled break in a switch.
func DrainSwitch(vals []int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	i := 0
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
	loop:
		for {
			switch {
			case i >= len(vals):
				break loop
			default:
				*out = append(*out, fmt.Sprint(vals[i]))
				i++
			}
		}
	}
	*out = append(*out, "after")
}

// DrainLocal is Drain through a local any.
func DrainLocal(ch chan int, out *[]string) {
	a := named{"a"}
	var x any = &a
	if s, ok := x.(fmt.Stringer); ok {
		*out = append(*out, s.String())
	outer:
		for {
			select {
			case v := <-ch:
				if v < 0 {
					break outer
				}
			}
		}
	}
	*out = append(*out, "after")
}

// Switched ends its taken case in a labelled loop a break leaves.
func Switched(vals []int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	i := 0
	switch s := ev.Payload.(type) {
	case fmt.Stringer:
		*out = append(*out, s.String())
	loop:
		for {
			if i >= len(vals) {
				break loop
			}
			i++
		}
	}
	*out = append(*out, fmt.Sprint("after ", i))
}

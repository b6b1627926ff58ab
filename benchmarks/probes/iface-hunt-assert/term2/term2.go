package term2

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type event struct{ Payload any }

// Nested breaks out of a switch from inside an if.
func Nested(n int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
		switch {
		case n > 0:
			if n > 5 {
				break
			}
			return
		default:
			return
		}
	}
	*out = append(*out, "after")
}

// Selected breaks out of a select from inside an if.
func Selected(ch chan int, out *[]string) {
	a := named{"a"}
	var x any = &a
	if s, ok := x.(fmt.Stringer); ok {
		*out = append(*out, s.String())
		select {
		case v := <-ch:
			if v > 5 {
				break
			}
			return
		}
	}
	*out = append(*out, "after")
}

// Looped breaks out of an endless loop from inside an if inside a block.
func Looped(n int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
		for {
			{
				if n > 5 {
					break
				}
			}
			n++
		}
	}
	*out = append(*out, "after")
}

// Fell falls through to a case that breaks.
func Fell(n int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
		switch {
		case n > 0:
			fallthrough
		case n > 100:
			if n > 5 {
				break
			}
			return
		default:
			return
		}
	}
	*out = append(*out, "after")
}

// Labelled breaks a labelled switch from an inner loop.
func Labelled(n int, out *[]string) {
	a := named{"a"}
	ev := event{Payload: &a}
	if s, ok := ev.Payload.(fmt.Stringer); ok {
		*out = append(*out, s.String())
	sw:
		switch {
		case n > 0:
			for i := 0; i < 3; i++ {
				if i == n {
					break sw
				}
			}
			return
		default:
			return
		}
	}
	*out = append(*out, "after")
}

package svc

import (
	"fmt"
	"io"
	"time"
)

type rec struct {
	name string
	tags []string
}

// SelectorNil builds parts with a field read through a maybe-nil pointer.
func SelectorNil(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	parts := []any{&a, p.name}
	return parts[0].(fmt.Stringer).String()
}

// SelectorNilField builds an event whose kind reads through a maybe-nil pointer.
func SelectorNilField(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	ev := event{Kind: p.name, Payload: &a}
	return ev.Payload.(fmt.Stringer).String()
}

// DerefNil builds parts with a dereference.
func DerefNil(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	parts := []any{&a, *p}
	return parts[0].(fmt.Stringer).String()
}

// IndexPanics builds parts with an index.
func IndexPanics(n int) string {
	a := named{"a"}
	xs := make([]int, n+1)
	parts := []any{&a, xs[1]}
	return parts[0].(fmt.Stringer).String()
}

// AddrIndex builds parts with an element's address.
func AddrIndex(n int) string {
	a := named{"a"}
	xs := make([]int, n+1)
	parts := []any{&a, &xs[1]}
	return parts[0].(fmt.Stringer).String()
}

// AddrField builds parts with a field's address through a maybe-nil pointer.
func AddrField(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	parts := []any{&a, &p.name}
	return parts[0].(fmt.Stringer).String()
}

// MethodValueNil builds parts with a value-receiver method value through a nil pointer.
func MethodValueNil(n int) string {
	a := named{"a"}
	var c *counter
	if n > 0 {
		c = &counter{n}
	}
	parts := []any{&a, c.String}
	return parts[0].(fmt.Stringer).String()
}

// ArrayConv converts a slice to an array in the literal.
func ArrayConv(n int) string {
	a := named{"a"}
	xs := make([]byte, n+1)
	parts := []any{&a, [2]byte(xs)}
	return parts[0].(fmt.Stringer).String()
}

// MapMissingNil reads a nil map in the literal.
func MapMissingNil(n int) string {
	a := named{"a"}
	var m map[string]int
	parts := []any{&a, m["x"]}
	return parts[0].(fmt.Stringer).String()
}

// ChanRecv receives in the literal.
func ChanRecv(n int) string {
	a := named{"a"}
	ch := make(chan int, 1)
	ch <- n
	parts := []any{&a, <-ch}
	s := parts[0].(fmt.Stringer).String()
	select {
	case v := <-ch:
		return s + fmt.Sprint(" left ", v)
	default:
		return s + " drained"
	}
}

// CascadePanics removes a sibling whose initializer reads through a pointer.
func CascadePanics(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	b := named{name: p.name}
	parts := [...]any{&a, &b}
	return parts[0].(fmt.Stringer).String()
}

// CascadeDeref removes a sibling copied from a pointer.
func CascadeDeref(n int) string {
	a := named{"a"}
	var p *named
	if n > 0 {
		p = &named{"p"}
	}
	b := *p
	parts := [...]any{&a, &b}
	return parts[0].(fmt.Stringer).String()
}

// ConstInt reads a boxed constant back.
func ConstInt(n int) string {
	opts := map[string]any{"retries": 3, "name": "svc", "timeout": 2 * time.Second}
	return fmt.Sprint(opts["retries"].(int)*n, opts["name"].(string), opts["timeout"].(time.Duration))
}

// ConstWrongType asks for int64 of an int.
func ConstWrongType(n int) string {
	opts := map[string]any{"retries": 3}
	v, ok := opts["retries"].(int64)
	return fmt.Sprint(v, ok)
}

// ConstRuneByte asks byte of a rune.
func ConstRuneByte(n int) string {
	opts := map[string]any{"sep": 'x'}
	if b, ok := opts["sep"].(byte); ok {
		return string(b)
	}
	return "no byte"
}

// ConstFloat reads a float back.
func ConstFloat(n int) string {
	opts := map[string]any{"ratio": 0.1}
	r := opts["ratio"].(float64)
	return fmt.Sprint(r*float64(n), r*10-1)
}

// ConstInField reads a constant field.
func ConstInField(n int) string {
	type style struct {
		Gap  int
		Wide bool
		Out  any
	}
	a := named{"a"}
	s := style{Gap: 3, Wide: true, Out: &a}
	return fmt.Sprint(s.Gap/2*n, s.Wide, s.Out.(fmt.Stringer).String())
}

// ConstOverflowLike reads an int constant into uint8 arithmetic.
func ConstOverflowLike(n int) string {
	opts := map[string]any{"b": uint8(200)}
	b := opts["b"].(uint8)
	return fmt.Sprint(b+uint8(n), b*2)
}

// EqualUncomparable compares values of an uncomparable dynamic type.
func EqualUncomparable(n int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	r1 := rec{name: "a"}
	r2 := rec{name: "a"}
	parts := []any{r1, r2}
	return fmt.Sprint(parts[0] == parts[1])
}

// PrintType prints a stored value's dynamic type.
func PrintType(n int) string {
	a := named{"a"}
	var i any = &a
	s := i.(fmt.Stringer)
	return fmt.Sprintf("%T %T %v", i, s, s)
}

// CallThroughField calls a handler stored in a field.
func CallThroughField(n int) string {
	u := upper{tag: "u:"}
	type route struct {
		name string
		h    Handler
	}
	r := route{name: "r", h: &u}
	return r.h.Handle(fmt.Sprint("Req", n))
}

// CallThroughFieldNil calls a nil handler stored in a field.
func CallThroughFieldNil(n int) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	var u *upper
	if n > 0 {
		u = &upper{tag: "u:"}
	}
	type route struct{ h Handler }
	r := route{h: u}
	return r.h.Handle("x")
}

// CallThroughFieldWritten calls a handler after the route changed.
func CallThroughFieldWritten(n int) string {
	u := upper{tag: "u:"}
	l := lower{tag: "l:"}
	type route struct{ h Handler }
	r := route{h: &u}
	if n > 0 {
		r = route{h: &l}
	}
	return r.h.Handle("MiXeD")
}

// GroupReads reads a field and asserts another.
func GroupReads(n int) string {
	type opts struct {
		Name string
		Out  any
		Err  any
	}
	a, b := named{"a"}, named{"b"}
	name := fmt.Sprint("n", n)
	o := opts{Name: name, Out: &a, Err: &b}
	s := o.Name
	return s + o.Out.(fmt.Stringer).String() + o.Err.(fmt.Stringer).String()
}

// GroupReadsWritten reads a field whose source changes later.
func GroupReadsWritten(n int) string {
	type opts struct {
		Name string
		Out  any
		Err  any
	}
	a, b := named{"a"}, named{"b"}
	name := fmt.Sprint("n", n)
	o := opts{Name: name, Out: &a, Err: &b}
	name = "changed"
	s := o.Name
	return s + name + o.Out.(fmt.Stringer).String() + o.Err.(fmt.Stringer).String()
}

// LoopAssert asserts in a loop from a store outside.
func LoopAssert(n int) string {
	a := named{"a"}
	ev := event{Payload: &a}
	out := ""
	for i := 0; i < n; i++ {
		out += ev.Payload.(fmt.Stringer).String()
		a.name += "+"
	}
	return out
}

// LoopValue asserts a boxed counter in a loop.
func LoopValue(n int) string {
	c := counter{n}
	ev := event{Payload: c}
	out := ""
	for i := 0; i < 2; i++ {
		out += ev.Payload.(fmt.Stringer).String()
	}
	return out
}

// Labeled uses goto.
func Labeled(n int) string {
	a, b := named{"a"}, named{"b"}
	ev := event{Payload: &a}
	if n > 0 {
		goto done
	}
	ev.Payload = &b
done:
	return ev.Payload.(fmt.Stringer).String()
}

// ShadowedAddr asserts a value whose name is shadowed.
func ShadowedAddr(n int) string {
	a := named{"outer"}
	ev := event{Payload: &a}
	{
		a := named{"inner"}
		_ = a
		return ev.Payload.(fmt.Stringer).String()
	}
}

// ShadowedContainer asserts through a container name that is shadowed.
func ShadowedContainer(n int) string {
	a, b := named{"a"}, named{"b"}
	ev := event{Payload: &a}
	if n > 0 {
		ev := event{Payload: &b}
		return ev.Payload.(fmt.Stringer).String()
	}
	return ev.Payload.(fmt.Stringer).String()
}

// WriterDiscard asserts to io.Writer on a writer.
func WriterDiscard(n int) string {
	ev := event{Payload: io.Discard}
	w := ev.Payload.(io.Writer)
	k, _ := fmt.Fprint(w, "abc")
	return fmt.Sprint(k)
}

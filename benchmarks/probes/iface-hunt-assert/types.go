package svc

import (
	"fmt"
	"strings"
)

type counter struct{ n int }

func (c counter) String() string { return fmt.Sprintf("counter(%d)", c.n) }
func (c *counter) Inc()          { c.n++ }

type vec [3]int

func (v vec) String() string { return fmt.Sprint([3]int(v)) }

type named struct{ name string }

func (n *named) String() string {
	if n == nil {
		return "<nil named>"
	}
	return "named:" + n.name
}

type Handler interface{ Handle(s string) string }

type upper struct{ tag string }

func (u *upper) Handle(s string) string { return u.tag + strings.ToUpper(s) }

type lower struct{ tag string }

func (l *lower) Handle(s string) string { return l.tag + strings.ToLower(s) }

type event struct {
	Kind    string
	Payload any
}

type box struct{ v any }

func (b *box) swap(x any) { b.v = x }

type inner struct{ F any }

type outer struct {
	inner
	F any
}

type outer2 struct {
	inner
	G any
}

type sub struct{ Out any }

type cfg struct {
	Out any
	Sub sub
}

type fake struct{ id string }

func (f *fake) sealed()      {}
func (f *fake) Name() string { return "fake:" + f.id }

type wrap[T any] struct{ v T }

func (w *wrap[T]) String() string { return fmt.Sprint("wrap:", w.v) }

type plain struct{ s string }

package wr2

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type Envelope struct {
	Topic   string
	Attempt int
	Slots   [2]any
	Payload any
	Alt     any
}

var keep any

func S1(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Slots: [2]any{&a, &b}}
	if n > 0 {
		env.Slots[1] = &a
		env.Slots[0] = &b
	}
	return env.Slots[0].(fmt.Stringer).String() + env.Topic
}

func S2(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Payload: &a, Alt: &b}
	for env.Attempt = 0; env.Attempt < n; env.Attempt++ {
		env.Topic += "+"
	}
	env.Alt, env.Topic = &a, env.Payload.(fmt.Stringer).String()
	keep = env.Alt
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

func S3(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Payload: &a}
	env.Topic, env.Payload = "u", &b
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

func S4(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Payload: &a}
	pt := &env.Topic
	*pt = "u"
	_ = b
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

func S5(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Payload: &a}
	set := func() { env.Payload = &b }
	env.Attempt++
	if n > 0 {
		set()
	}
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

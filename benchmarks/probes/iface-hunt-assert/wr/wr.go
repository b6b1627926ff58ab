package wr

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type Meta struct {
	Payload any
	Note    string
}

type Envelope struct {
	Meta
	Topic   string
	Attempt int
	Slots   [2]any
	Inner   Meta
}

func W1(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Meta: Meta{Payload: &a}}
	if n > 0 {
		env.Meta = Meta{Payload: &b}
	}
	return env.Meta.Payload.(fmt.Stringer).String() + env.Topic
}

func W2(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Inner: Meta{Payload: &a}}
	if n > 0 {
		env.Inner = Meta{Payload: &b}
	}
	return env.Inner.Payload.(fmt.Stringer).String() + env.Topic
}

func W3(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Slots: [2]any{&a, &b}}
	if n > 0 {
		env.Slots = [2]any{&b, &a}
	}
	return env.Slots[0].(fmt.Stringer).String() + env.Topic
}

func W4(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Meta: Meta{Payload: &a}}
	if n > 0 {
		env.Meta = Meta{Payload: &b}
	}
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

func W5(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Inner: Meta{Payload: &a}}
	if n > 0 {
		env.Inner.Note = "x"
		env.Inner.Payload = &b
	}
	return env.Inner.Payload.(fmt.Stringer).String() + env.Topic
}

func W6(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Inner: Meta{Payload: &a}}
	if n > 0 {
		env.Attempt++
		env.Inner, env.Topic = Meta{Payload: &b}, "u"
	}
	return env.Inner.Payload.(fmt.Stringer).String() + env.Topic
}

func W7(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Meta: Meta{Payload: &a}}
	if n > 0 {
		env.Payload = &b
	}
	return env.Meta.Payload.(fmt.Stringer).String() + env.Topic
}

func W8(n int) string {
	a, b := named{"a"}, named{"b"}
	env := Envelope{Topic: "t", Meta: Meta{Payload: &a}}
	_ = b
	return env.Payload.(fmt.Stringer).String() + env.Topic
}

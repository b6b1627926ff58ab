package gk

import "fmt"

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

// Weight reads back the entry stored under 0.1.
func Weight[K ~float32 | ~float64]() string {
	a, b := named{"a"}, named{"b"}
	kv := map[K]any{0.1: &a, 0.10000000149011612: &b}
	return kv[0.1].(fmt.Stringer).String()
}

// WeightBoth reads both.
func WeightBoth[K ~float32 | ~float64]() string {
	a, b := named{"a"}, named{"b"}
	kv := map[K]any{0.1: &a, 0.10000000149011612: &b}
	return kv[0.1].(fmt.Stringer).String() + kv[0.10000000149011612].(fmt.Stringer).String()
}

// WeightPlain is not generic: float32 keys.
func WeightPlain() string {
	a := named{"a"}
	kv := map[float32]any{0.1: &a}
	return kv[0.10000000149011612].(fmt.Stringer).String()
}

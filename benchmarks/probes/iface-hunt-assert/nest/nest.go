package nest

import (
	"fmt"
	"slices"
)

type named struct{ name string }

func (n *named) String() string { return "named:" + n.name }

type holder struct {
	Title string
	Parts []any
	Items [2]any
	M     map[string]any
	Sub   struct{ Out any }
}

func sink(s fmt.Stringer) string { return s.String() }

// N1 writes a slice field's element through a copy of the slice header.
func N1(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Parts: []any{&a, &b}}
	q := h.Parts
	if n > 0 {
		q[0] = &b
	}
	return sink(h.Parts[0].(fmt.Stringer))
}

// N2 reverses a slice field.
func N2(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Parts: []any{&a, &b}}
	if n > 0 {
		slices.Reverse(h.Parts)
	}
	return sink(h.Parts[0].(fmt.Stringer))
}

// N3 writes an array field's element.
func N3(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Items: [2]any{&a, &b}}
	if n > 0 {
		h.Items[0] = &b
	}
	return sink(h.Items[0].(fmt.Stringer))
}

// N4 writes an array field's element through a slice of it.
func N4(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Items: [2]any{&a, &b}}
	s := h.Items[:]
	if n > 0 {
		s[0] = &b
	}
	return sink(h.Items[0].(fmt.Stringer))
}

// N5 writes a map field's entry.
func N5(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{M: map[string]any{"k": &a}}
	if n > 0 {
		h.M["k"] = &b
	}
	return sink(h.M["k"].(fmt.Stringer))
}

// N6 writes a map field's entry through a copy.
func N6(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{M: map[string]any{"k": &a}}
	m := h.M
	if n > 0 {
		m["k"] = &b
	}
	return sink(h.M["k"].(fmt.Stringer))
}

// N7 writes a nested struct's field.
func N7(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Title: "t"}
	h2 := struct {
		Sub struct{ Out any }
	}{Sub: struct{ Out any }{Out: &a}}
	if n > 0 {
		h2.Sub.Out = &b
	}
	_ = h
	return sink(h2.Sub.Out.(fmt.Stringer))
}

// N8 writes a nested struct's field through a pointer to it.
func N8(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Items: [2]any{&a, &b}}
	p := &h.Items
	if n > 0 {
		p[0] = &b
	}
	return sink(h.Items[0].(fmt.Stringer))
}

// N9 swaps array field elements.
func N9(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Items: [2]any{&a, &b}}
	if n > 0 {
		h.Items[0], h.Items[1] = h.Items[1], h.Items[0]
	}
	return sink(h.Items[0].(fmt.Stringer))
}

// N10 copies into a slice field.
func N10(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Parts: []any{&a}}
	if n > 0 {
		copy(h.Parts, []any{&b})
	}
	return sink(h.Parts[0].(fmt.Stringer))
}

// N11 appends onto a subslice of a slice field.
func N11(n int) string {
	a, b := named{"a"}, named{"b"}
	h := holder{Parts: []any{&a, &b}}
	if n > 0 {
		_ = append(h.Parts[:0], &b)
	}
	return sink(h.Parts[0].(fmt.Stringer))
}

// N12 writes a slice-of-slices element.
func N12(n int) string {
	a, b := named{"a"}, named{"b"}
	rows := [][]any{{&a}, {&b}}
	r := rows[0]
	if n > 0 {
		r[0] = &b
	}
	return sink(rows[0][0].(fmt.Stringer))
}

// N13 writes an array of structs element field.
func N13(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	slots := []slot{{v: &a}, {v: &b}}
	p := &slots[0]
	if n > 0 {
		p.v = &b
	}
	return sink(slots[0].v.(fmt.Stringer))
}

// N14 writes through a range over a slice of structs.
func N14(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	slots := []slot{{v: &a}, {v: &b}}
	if n > 0 {
		for i := range slots {
			slots[i].v = &b
		}
	}
	return sink(slots[0].v.(fmt.Stringer))
}

// N15 writes through a slice of structs passed on.
func N15(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	slots := []slot{{v: &a}, {v: &b}}
	if n > 0 {
		rest := slots[:1]
		rest[0].v = &b
	}
	return sink(slots[0].v.(fmt.Stringer))
}

// N16 a pointer element in a slice literal.
func N16(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	slots := []*slot{{v: &a}, {v: &b}}
	p := slots[0]
	if n > 0 {
		p.v = &b
	}
	return sink(slots[0].v.(fmt.Stringer))
}

// N17 a pointer to a struct literal.
func N17(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	s := &slot{v: &a}
	t := s
	if n > 0 {
		t.v = &b
	}
	return sink(s.v.(fmt.Stringer))
}

// N18 a slice element of struct type, slice passed on.
func N18(n int) string {
	a, b := named{"a"}, named{"b"}
	type slot struct{ v any }
	slots := []slot{{v: &a}, {v: &b}}
	if n > 0 {
		slices.Reverse(slots)
	}
	return sink(slots[0].v.(fmt.Stringer))
}

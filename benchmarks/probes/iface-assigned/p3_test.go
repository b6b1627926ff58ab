package p3

import "testing"

func TestAllocs(t *testing.T) {
	for _, c := range []struct {
		n string
		f func()
	}{
		{"Nested", func() { Nested("a") }},
		{"Assigned", func() { Assigned([]string{"a"}) }},
		{"Fallback", func() { Fallback("a") }},
		{"Holder", func() { Holder("a") }},
		{"Loop", func() { Loop("a", 2) }},
	} {
		t.Logf("ALLOCS %s %v", c.n, testing.AllocsPerRun(50, c.f))
	}
}

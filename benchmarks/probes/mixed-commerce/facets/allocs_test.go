package facets

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var ps = []Product{
	{"TEE1", 1500, map[string]any{"color": "red", "size": 42, "organic": true}},
	{"TEE2", 900, map[string]any{"color": "blue", "size": 38}},
	{"MUG7", 700, map[string]any{"color": "red"}},
}

func TestAllocs(t *testing.T) {
	if InStock(ps, 500, 1600, "red") != 2 {
		t.Fatal(InStock(ps, 500, 1600, "red"))
	}
	allocs(t, "InStock", func() { InStock(ps, 500, 1600, "red") })
	if Cheap(ps, 1000) != 2 {
		t.Fatal()
	}
	allocs(t, "Cheap", func() { Cheap(ps, 1000) })
	if c := Counts(ps, "color"); len(c) != 2 {
		t.Fatal(c)
	}
	if h := Histogram(ps, "size"); h[KindNumber] != 2 {
		t.Fatal(h)
	}
	allocs(t, "Histogram", func() { Histogram(ps, "size") })
	if s := Sizes(ps); len(s) != 2 || s[0] != 38 {
		t.Fatal(s)
	}
	allocs(t, "Sizes", func() { Sizes(ps) })
	if Default(ps[1]) != "BLUE" || KindName(true) != "bool" {
		t.Fatal()
	}
	allocs(t, "Default", func() { Default(ps[1]) })
	if Describe(ps[1]) != "color=blue size=38" {
		t.Fatal(Describe(ps[1]))
	}
	if !Organic(ps[0]) || Organic(ps[1]) {
		t.Fatal()
	}
	allocs(t, "Organic", func() { Organic(ps[0]) })
	var s Saved
	s.Save("red")
	if !s.Filters[0].Match(&ps[0]) {
		t.Fatal()
	}
}

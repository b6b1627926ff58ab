package instr

import (
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	r := NewRegistry()
	r.Add(Equity{"ACME", 1})
	r.Add(&Future{"ES", "Z6", 25})
	opts := Defaults(Mark{Last: map[string]int64{"ACME": 100, "ESZ6": 5000}})
	if v := r.Value([]string{"ACME", "ESZ6", "NONE"}, opts); v != 5100 {
		t.Fatal(v)
	}
	if p := Ticks("ACME", 25, 1012); p != 1000 {
		t.Fatal(p)
	}
	allocs(t, "Ticks", func() { Ticks("ACME", 25, 1012) })
	if s := FrontMonth("ES", []string{"Z6", "H7", "M6"}, 25); s != "ESH7" {
		t.Fatal(s)
	}
	exp := []string{"Z6", "H7", "M6"}
	allocs(t, "FrontMonth", func() { FrontMonth("ES", exp, 25) })
	if d := Describe(Equity{"ACME", 1}, opts); !strings.Contains(d, "lot=100") {
		t.Fatal(d)
	}
	if Lot(opts) != 100 {
		t.Fatal(Lot(opts))
	}
}

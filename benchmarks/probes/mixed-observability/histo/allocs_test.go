package histo

import (
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	var h Histogram
	for _, v := range []float64{0.0005, 0.003, 0.2, 7} {
		h.Observe(v)
	}
	if h.Cumulative() != 4 {
		t.Fatal(h.Cumulative())
	}
	allocs(t, "Cumulative", func() { h.Cumulative() })
	if h.Quantile(0.5) != 0.005 {
		t.Fatal(h.Quantile(0.5))
	}
	if m := Merge([]*Histogram{&h, &h}, 100); len(m) != 13 || m[0] != 2 {
		t.Fatal(m)
	}
	allocs(t, "Merge", func() { Merge([]*Histogram{&h}, 100) })
	prev := make([]uint64, 13)
	cur := make([]uint64, 13)
	cur[4] = 9
	if Deltas(prev, cur) != 9 {
		t.Fatal(Deltas(prev, cur))
	}
	allocs(t, "Deltas", func() { Deltas(prev, cur) })
	if !Scale(2, 12) {
		t.Fatal("scale")
	}
	allocs(t, "Scale", func() { Scale(2, 12) })
	var b strings.Builder
	if err := h.WriteText(&b, "rpc_seconds"); err != nil || !strings.Contains(b.String(), `rpc_seconds_bucket{le="+Inf"} 4`) {
		t.Fatal(b.String(), err)
	}
	allocs(t, "WriteText", func() { b.Reset(); h.WriteText(&b, "rpc_seconds") })
	if h.Line() != "1 0 1 0 0 0 0 1 0 0 0 0 1" {
		t.Fatal(h.Line())
	}
	allocs(t, "Line", func() { h.Line() })
	if len(Spread(30)) != 30 {
		t.Fatal("spread")
	}
	var h2 Histogram
	if ObserveAll(&h2, Spread(40), 4) != 2 || h2.Cumulative() != 40 {
		t.Fatal(h2.Cumulative())
	}
	allocs(t, "ObserveAll", func() { ObserveAll(&h2, prevValues, 4) })
}

var prevValues = Spread(16)

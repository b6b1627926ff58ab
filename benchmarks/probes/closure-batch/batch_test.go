package batch

import (
	"context"
	"testing"
	"time"
)

func TestAllocsBatch(t *testing.T) {
	items := []Item{{ID: "a", Size: 1}, {ID: "b", Key: "k", Size: 2}}
	allocs(t, "RunBatch", func() { RunBatch(items, Options{}, func(o Options, it Item) string { return it.ID }) })
	hdr := []byte{1, 0, 2, 0, 3, 0, 0, 0}
	recs := [][]byte{{1}, {2}}
	allocs(t, "DecodeAll", func() { DecodeAll(hdr, recs) })
	allocs(t, "ParseLimits", func() { ParseLimits("5", []int{1, 7}) })
	allocs(t, "Scale", func() { Scale([]float64{1, 2, 3}) })
	allocs(t, "Collect", func() { Collect([]int{1, 2}, "") })
	p := &Pipeline{name: "p"}
	allocs(t, "PipelineRun", func() { p.Run([][]int{{1}, {2}}, 1, func(string, int, []int) {}) })
	allocs(t, "Poll", func() {
		n := 0
		Poll(context.Background(), func(context.Context) bool { n++; return n > 1 }, time.Millisecond)
	})
}

func TestBehaviourBatch(t *testing.T) {
	got := ProcessItems([]Item{{ID: "a", Size: -1}, {ID: "b", Key: "k", Size: 2}}, func(k string, n int) string { return k + string(rune('0'+n)) })
	if got[0] != "a0" || got[1] != "k2" {
		t.Fatal(got)
	}
	if r := (&Pipeline{}).Run([][]int{{1}}, -3, func(string, int, []int) {}); r != 1 {
		t.Fatal(r)
	}
	if g, u := Collect([]int{1}, ""); g[0] != "1ms" || u != "MS" {
		t.Fatal(g, u)
	}
}

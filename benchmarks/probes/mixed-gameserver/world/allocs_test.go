package world

import (
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func ents(n int) []Entity {
	out := make([]Entity, n)
	for i := range out {
		out[i] = Entity{ID: uint32(i + 1), Pos: Vec{float32(i * 7 % 500), float32(i * 13 % 500)}, Vel: Vec{1, 2}, Health: 10}
	}
	return out
}

func TestWorld(t *testing.T) {
	es := ents(40)
	es[3].Health = 0
	StepAll(es, Physics{}, 0.1, 4)
	if !es[0].Dirty || es[0].Pos.X == 0 {
		t.Fatal(es[0])
	}
	st := Tick(es, Physics{MaxSpeed: 5}, time.Now())
	if st.Moved != 39 || st.Dead != 1 {
		t.Fatal(st)
	}
	if got := Nearest(es, Vec{}, 3); len(got) != 3 || got[0] != 1 {
		t.Fatal(got)
	}
	if id := ClosestTo(es, Vec{}, 40); id != 1 {
		t.Fatal(id)
	}
	if len(Compact(append([]Entity(nil), es...))) != 39 {
		t.Fatal("compact")
	}
	stop := make(chan struct{})
	ticks := 0
	go func() { time.Sleep(80 * time.Millisecond); close(stop) }()
	Run(es, Physics{}, stop, func(TickStats) { ticks++ })
	var g Grid
	g.Build(es)
	if n := g.CountNear(es, es[5].Pos, 8); n < 1 {
		t.Fatal(n)
	}
	if h := g.Occupancy(); h[0] == 0 {
		t.Fatal(h)
	}
	if len(g.Crowded(0)) != g.CrowdedCount(0) {
		t.Fatal("crowded")
	}
	q := NewQuad(Rect{Vec{0, 0}, Vec{512, 512}})
	for i := range es {
		q.Insert(es, int32(i))
	}
	all := Rect{Vec{0, 0}, Vec{512, 512}}
	if q.CountIn(es, all) != len(q.Search(es, all, nil)) || q.Depth() == 0 {
		t.Fatal("quad")
	}
	phys := Physics{}
	allocs(t, "StepAll", func() { StepAll(es, phys, 0.1, 4) })
	allocs(t, "Tick", func() { Tick(es, phys, time.Now()) })
	allocs(t, "ClosestTo", func() { ClosestTo(es, Vec{}, 40) })
	allocs(t, "Nearest", func() { Nearest(es, Vec{}, 3) })
	allocs(t, "CountNear", func() { g.CountNear(es, es[5].Pos, 8) })
	allocs(t, "CrowdedCount", func() { g.CrowdedCount(0) })
	allocs(t, "CountIn", func() { q.CountIn(es, all) })
}

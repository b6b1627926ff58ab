package physics

import "testing"

func TestAllocs(t *testing.T) {
	s := NewSystem(100)
	for i := 0; i < 80; i++ {
		s.Spawn(Vec2{float32(i), 0}, Vec2{1, 0})
	}
	s.Step(0.1)
	if s.ps[0].X <= 0 {
		t.Fatal("Step")
	}
	allocs(t, "Step", func() { s.Step(0.01) })
	if s.Budget() != 100 {
		t.Fatal("Budget")
	}
	allocs(t, "Budget", func() { s.Budget() })
	pos := make([]Vec2, 40)
	vel := make([]Vec2, 40)
	vel[3].X = 1
	if !Integrate(pos, vel, 0.5) || pos[3].X != 0.5 {
		t.Fatal("Integrate")
	}
	allocs(t, "Integrate", func() { Integrate(pos, vel, 0.5) })
	pts := []Vec2{{0, 0}, {3, 0}, {4, 0}}
	if e := Relax(pts, 20); e < 0 {
		t.Fatal("Relax")
	}
	allocs(t, "Relax", func() { Relax(pts, 20) })
	g, _ := NewGrid(20, 20, 1)
	boxes := []AABB{{0, 0, 1, 1}, {0.5, 0.5, 2, 2}, {5, 5, 6, 6}, {30, 30, 31, 31}}
	if n := g.Occupancy(boxes); n != 2 {
		t.Fatal("Occupancy", n)
	}
	allocs(t, "Occupancy", func() { g.Occupancy(boxes) })
	if n := g.Columns(boxes); n != 3 {
		t.Fatal("Columns", n)
	}
	allocs(t, "Columns", func() { g.Columns(boxes) })
	var batch [16]AABB
	copy(batch[:], boxes)
	if n := Nearby(AABB{0, 0, 1, 1}, &batch, 20); n != 14 {
		t.Fatal("Nearby", n)
	}
	allocs(t, "Nearby", func() { Nearby(AABB{0, 0, 1, 1}, &batch, 20) })
	if n := Pairs(boxes); n != 1 {
		t.Fatal("Pairs", n)
	}
	allocs(t, "Pairs", func() { Pairs(boxes) })
	pn := NewPerlin(7)
	if v := pn.Fbm(1.5, 2.5, 6); v <= 0 {
		t.Fatal("Fbm")
	}
	allocs(t, "Fbm", func() { pn.Fbm(1.5, 2.5, 6) })
	if v := pn.Row(3, 100); v <= 0 {
		t.Fatal("Row")
	}
	allocs(t, "Row", func() { pn.Row(3, 100) })
	if v := pn.Detail(2); v <= 0 {
		t.Fatal("Detail")
	}
	allocs(t, "Detail", func() { pn.Detail(2) })
}

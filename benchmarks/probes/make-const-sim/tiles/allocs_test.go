package tiles

import "testing"

func TestAllocs(t *testing.T) {
	g, _ := New(40, 30)
	g.Set(5, 5, 1)
	if n := g.FloodFill(0, 0, 2); n != 40*30-1 {
		t.Fatal("FloodFill", n)
	}
	allocs(t, "FloodFill", func() { g.FloodFill(0, 0, 3); g.FloodFill(0, 0, 2) })
	if n := Regions(g); n == 0 {
		t.Fatal("Regions")
	}
	allocs(t, "Regions", func() { Regions(g) })
	if n := g.RowRuns(); n == 0 {
		t.Fatal("RowRuns")
	}
	allocs(t, "RowRuns", func() { g.RowRuns() })
	sq, _ := New(20, 20)
	sq.Set(1, 0, 7)
	if !sq.Transpose() || sq.At(0, 1) != 7 {
		t.Fatal("Transpose")
	}
	allocs(t, "Transpose", func() { sq.Transpose() })
	if !g.LineOfSight(0, 0, 30, 20, 9) {
		t.Fatal("LineOfSight")
	}
	allocs(t, "LineOfSight", func() { g.LineOfSight(0, 0, 30, 20, 9) })
	if HeightMap(1, false) == HeightMap(1, true) {
		t.Fatal("HeightMap")
	}
	allocs(t, "HeightMap", func() { HeightMap(7, true) })
	row := make([]byte, 100)
	row[50] = 1
	Step1D(row, 90, 3)
	if row[47] != 1 {
		t.Fatal("Step1D", row[44:57])
	}
	allocs(t, "Step1D", func() { Step1D(row, 90, 1) })
	if n := Density(row, 80); n == 0 {
		t.Fatal("Density")
	}
	allocs(t, "Density", func() { Density(row, 80) })
	var b Board16
	b.cells[17], b.cells[18], b.cells[19] = true, true, true
	b.LifeStep()
	if !b.cells[2] || !b.cells[18] || !b.cells[34] {
		t.Fatal("LifeStep")
	}
	allocs(t, "LifeStep", func() { b.LifeStep() })
	if n := Neighbourhood(row, 50, 6); n == 0 {
		t.Fatal("Neighbourhood")
	}
	allocs(t, "Neighbourhood", func() { Neighbourhood(row, 50, 6) })
	if n := Wrap(row, 30); n == 0 {
		t.Fatal("Wrap")
	}
	allocs(t, "Wrap", func() { Wrap(row, 30) })
}

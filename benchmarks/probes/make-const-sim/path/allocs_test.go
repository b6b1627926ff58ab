package path

import "testing"

func TestAllocs(t *testing.T) {
	m, _ := NewMap(30, 20)
	m.Block(1, 0)
	m.Block(1, 1)
	if d := m.Distance(0, 2); d != 6 {
		t.Fatal("Distance", d)
	}
	allocs(t, "Distance", func() { m.Distance(0, 599) })
	if n := m.MultiSource([]int{31, 100, 200}); n != 11 {
		t.Fatal("MultiSource", n)
	}
	starts := []int{31, 100, 200, 300, 400}
	allocs(t, "MultiSource", func() { m.MultiSource(starts) })
	if d := AStar(&m, 0, 2); d != 6 {
		t.Fatal("AStar", d)
	}
	allocs(t, "AStar", func() { AStar(&m, 0, 599) })
	prev := make([]int32, 64)
	cost := make([]uint8, 64)
	for i := range prev {
		if i > 0 {
			prev[i] = int32(i - 1)
		}
		cost[i] = 2
	}
	if c := RouteCost(prev, cost, 0, 40); c != 80 {
		t.Fatal("RouteCost", c)
	}
	allocs(t, "RouteCost", func() { RouteCost(prev, cost, 0, 40) })
	route := []int{0, 1, 2, 3, 33, 63, 64, 65, 66, 67, 68, 98, 128, 158}
	if n := Smooth(route, 30); n != 5 {
		t.Fatal("Smooth", n)
	}
	allocs(t, "Smooth", func() { Smooth(route, 30) })
	ids := []int32{1, 2, 3, 4, 5, 65, 129}
	if n := HashGrid(ids, 64); n != 3 {
		t.Fatal("HashGrid", n)
	}
	allocs(t, "HashGrid", func() { HashGrid(ids, 64) })
}

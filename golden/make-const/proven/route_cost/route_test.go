package route

import "testing"

func chain(n int) ([]int32, []uint8) {
	prev := make([]int32, n+1)
	cost := make([]uint8, n+1)
	for i := range prev {
		if i > 0 {
			prev[i] = int32(i - 1)
		}
		cost[i] = 2
	}
	return prev, cost
}

func TestBehaviour(t *testing.T) {
	prev, cost := chain(300)
	if c := Cost(prev, cost, 0, 40); c != 80 {
		t.Fatal("cost", c)
	}
	if c := Cost(prev, cost, 0, 256); c != 512 {
		t.Fatal("longest", c)
	}
	if c := Cost(prev, cost, 0, 257); c != -1 {
		t.Fatal("too long", c)
	}
}

func TestAllocs(t *testing.T) {
	prev, cost := chain(300)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Cost(prev, cost, 0, 200) }))
}

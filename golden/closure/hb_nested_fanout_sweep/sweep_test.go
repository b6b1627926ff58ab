package sweep

import (
	"fmt"
	"testing"
)

func linear(seed int64, steps int) float64 { return float64(seed) * float64(steps) }

func TestBehaviour(t *testing.T) {
	grid, next := Sweep([]Case{linear, linear}, []int{1, 2}, 3)
	if s := fmt.Sprint(grid, next); s != "[[3 3] [6 6]] 4" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	cases, steps := []Case{linear, linear}, []int{1, 2}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sweep(cases, steps, 3) }))
}

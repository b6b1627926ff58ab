package cells

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Busy(Week, []int{0, 3, 3, 41, 42}); got != 3 {
		t.Fatal("week:", got)
	}
	if got := Busy(ThreeWeeks, []int{125, 126, -1}); got != 1 {
		t.Fatal("three weeks:", got)
	}
	if got := Busy(Week, make([]int, 43)); got != -1 {
		t.Fatal("43 offsets in 42 cells:", got)
	}
	if got := Busy(Layout(9), nil); got != 0 {
		t.Fatal("an unknown layout:", got)
	}
}

func TestAllocs(t *testing.T) {
	busy := []int{1, 20, 125}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Busy(ThreeWeeks, busy) }))
}

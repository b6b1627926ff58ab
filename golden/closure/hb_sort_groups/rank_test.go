package rank

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := Rounds([][]int{{3, 1, 2}, {5, 4}}, false)
	if s := fmt.Sprint(got); s != "[[[1 2 3] [4 5]] [[3 2 1] [5 4]]]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	groups := [][]int{{3, 1, 2}, {5, 4}, {9, 7, 8}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Rounds(groups, false) }))
}

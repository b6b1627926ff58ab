package segments

import "testing"

func TestBehaviour(t *testing.T) {
	names := Name([]int{1, 2}, "live/seg")
	if len(names) != 2 || names[0] != "live/seg00001.ts" || names[1] != "live/seg00002.ts" {
		t.Fatal(names)
	}
}

func TestAllocs(t *testing.T) {
	indexes := []int{1, 2, 3}
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { Name(indexes, "live/seg") }))
}

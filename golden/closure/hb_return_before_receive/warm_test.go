package warm

import (
	"fmt"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var batches []int
	fill := func(_ string, batch int) int {
		mu.Lock()
		defer mu.Unlock()
		batches = append(batches, batch)
		return batch
	}
	if got := Passes("k", 2, func(int) bool { return true }, fill); got != 222 {
		t.Fatal(got)
	}
	stops := Passes("k", 2, func(pass int) bool { return pass < 1 }, fill)
	mu.Lock()
	defer mu.Unlock()
	if stops != 2 || fmt.Sprint(batches[:3]) != "[2 20 200]" {
		t.Fatal(stops, batches)
	}
}

func TestAllocs(t *testing.T) {
	fill := func(_ string, batch int) int { return batch }
	healthy := func(int) bool { return true }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Passes("k", 2, healthy, fill) }))
}

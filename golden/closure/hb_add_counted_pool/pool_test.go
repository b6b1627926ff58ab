package pool

import (
	"fmt"
	"sort"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var got []string
	gen := Process([][]int{{1, 2, 3}, {4, 5}}, 3, 7, func(gen, job int) {
		mu.Lock()
		got = append(got, fmt.Sprint(gen, ":", job))
		mu.Unlock()
	})
	sort.Strings(got)
	if s := fmt.Sprint(gen, got); s != "9 [7:1 7:2 7:3 8:4 8:5]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	batches := [][]int{{1, 2, 3, 4}, {5, 6}}
	out := func(gen, job int) {}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Process(batches, 4, 1, out) }))
}

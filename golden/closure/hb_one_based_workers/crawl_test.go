package crawl

import (
	"fmt"
	"sort"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var got []string
	seen := map[int]bool{}
	depth := Levels([][]string{{"/", "/a", "/b"}, {"/a/1", "/b/1"}}, 3, 1, func(depth, worker int, url string) {
		mu.Lock()
		got = append(got, fmt.Sprint(depth, url))
		seen[worker] = true
		mu.Unlock()
	})
	sort.Strings(got)
	if s := fmt.Sprint(depth, got); s != "3 [1/ 1/a 1/b 2/a/1 2/b/1]" {
		t.Fatal(s)
	}
	for w := range seen {
		if w < 1 || w > 3 {
			t.Fatal("worker", w)
		}
	}
}

func TestAllocs(t *testing.T) {
	levels := [][]string{{"/", "/a", "/b", "/c"}, {"/a/1", "/b/1"}}
	fetch := func(depth, worker int, url string) {}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Levels(levels, 4, 1, fetch) }))
}

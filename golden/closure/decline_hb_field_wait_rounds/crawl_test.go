package crawl

import (
	"fmt"
	"sort"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	c := New()
	c.Prefetch([]string{"/robots.txt"}, func(agent, url string) int { return 1 })
	c.Close()
	agent := c.Rounds([][]string{{"/a", "/b"}, {"/c"}, {"/a"}}, func(agent, url string) int {
		mu.Lock()
		seen = append(seen, agent+" "+url)
		mu.Unlock()
		return len(url)
	})
	sort.Strings(seen)
	if got := fmt.Sprint(agent, seen); got != "bot/4[bot/0 /a bot/0 /b bot/3 /c bot/4 /a]" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	c := New()
	rounds := [][]string{{"/a", "/b"}, {"/c"}}
	fetch := func(agent, url string) int { return len(agent) }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { c.Rounds(rounds, fetch) }))
}

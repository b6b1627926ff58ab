package closer

import (
	"fmt"
	"sort"
	"testing"
)

var levels = [][]string{{"/", "/about"}, {"/a", "/b", "/c"}, {"/x"}}

func fetch(agent, url string) string { return agent + url }

func rotate(agent string) string { return agent + "+" }

func TestBehaviour(t *testing.T) {
	var bodies []string
	for _, r := range Crawl(levels, "bot", fetch, rotate) {
		bodies = append(bodies, r.Body)
	}
	sort.Strings(bodies)
	if got, want := fmt.Sprint(bodies), "[bot++/x bot+/a bot+/b bot+/c bot/ bot/about]"; got != want {
		t.Fatalf("Crawl = %s, want %s", got, want)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Crawl(levels, "bot", fetch, rotate) }))
}

package crawl

import (
	"fmt"
	"testing"
)

func fetch(url, agent string) int { return len(url) * len(agent) }

func TestBehaviour(t *testing.T) {
	out, next := Crawl([]string{"a", "bb", "ccc"}, 2, "bot", fetch)
	if got := fmt.Sprint(out, " ", next); got != "[3 6 9] bot/2" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	urls := []string{"a", "b", "c", "d"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Crawl(urls, 2, "bot", fetch) }))
}

package crawl

import (
	"fmt"
	"testing"
)

var levels = [][]string{{"/", "/about"}, {"/a", "/b", "/c"}, {"/x"}}

func fetch(agent, url string) int { return len(agent)*100 + len(url) }

func TestBehaviour(t *testing.T) {
	got := fmt.Sprint(Levels(levels, []string{"bot", "crawler"}, fetch))
	if want := "[301 306 702 702 702 302]"; got != want {
		t.Fatalf("Levels = %s, want %s", got, want)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Levels(levels, []string{"bot", "crawler"}, fetch) }))
}

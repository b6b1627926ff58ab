package snippet

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	text := strings.Repeat("0123456789", 40)
	if got := Extract(text, 200); got != "..."+text[120:280]+"..." {
		t.Fatal("middle:", got)
	}
	if got := Extract(text, 10); got != text[:160]+"..." {
		t.Fatal("start:", got)
	}
	if got := Extract("short", 3); got != "short" {
		t.Fatal("short:", got)
	}
	if got := Extract(text, 1000); got != "..." {
		t.Fatal("past the end:", got)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("a start that wraps: no panic")
		}
	}()
	Extract(text, -1<<63+5) // lo wraps to near MaxInt and lo+maxSnippet below 0: text[lo:hi] panics
}

func TestAllocs(t *testing.T) {
	text := strings.Repeat("search engines rank documents by relevance. ", 10)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Extract(text, 200) }))
}

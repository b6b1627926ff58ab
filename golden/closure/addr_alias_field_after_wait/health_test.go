package health

import (
	"strings"
	"sync"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	check := func(url string, tries int) bool {
		mu.Lock()
		seen = append(seen, url)
		mu.Unlock()
		return tries == 1 && !strings.Contains(url, "down")
	}
	up, path := ProbeAll([]string{"a", "down"}, Config{Path: "/healthz", Fallback: "/ping"}, check)
	if up != 1 || path != "/ping" || len(seen) != 2 || !strings.HasPrefix(seen[0], "http://") || !strings.HasSuffix(seen[1], "/healthz") {
		t.Fatal(up, path, seen)
	}
	if up, path := ProbeAll([]string{"a"}, Config{Path: "/healthz"}, check); up != 1 || path != "/healthz" {
		t.Fatal(up, path)
	}
}

func TestAllocs(t *testing.T) {
	targets := []string{"a", "b", "c"}
	check := func(url string, tries int) bool { return len(url) > 0 }
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { ProbeAll(targets, Config{Path: "/h"}, check) }))
}

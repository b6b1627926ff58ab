package fetch

import (
	"fmt"
	"net/http"
	"testing"
)

func get(path string, h http.Header) int { return len(path) + len(h.Get("Authorization")) }

func TestBehaviour(t *testing.T) {
	out, next := All([]string{"/a", "/bb"}, "t0k", get)
	if got := fmt.Sprint(out, len(next)); got != "[12 13] 0" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	paths := []string{"/a", "/b", "/c"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { All(paths, "t", get) }))
}

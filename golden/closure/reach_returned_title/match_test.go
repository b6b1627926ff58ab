package match

import (
	"io"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	routes := []Route{{"/a", "A"}, {"/b", "B"}}
	var got strings.Builder
	Lookup(routes, "/b/x", "")(&got)
	Lookup(routes, "/a", "site")(&got)
	if Lookup(routes, "/c", "site") != nil {
		t.Fatal("no route matches /c")
	}
	if want := "<title>B - untitled</title>\n<title>A - site</title>\n"; got.String() != want {
		t.Fatal(got.String())
	}
}

func TestAllocs(t *testing.T) {
	routes := []Route{{"/a", "A"}, {"/b", "B"}, {"/c", "C"}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Lookup(routes, "/c/x", "site")(io.Discard) }))
}

package dir

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := Depth("a/b/c.txt"); got != 2 {
		t.Fatal(got)
	}
	if got := Depth("c.txt"); got != 0 {
		t.Fatal(got)
	}
	if got := Depth(strings.Repeat("x/", maxKey/2)); got != maxKey/2 {
		t.Fatal(got)
	}
	if Depth(strings.Repeat("x", maxKey+1)) != -1 {
		t.Fatal("a long key measured")
	}
}

func TestAllocs(t *testing.T) {
	key := strings.Repeat("photos/", 12) + "cat.jpg"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Depth(key) }))
}

package tags

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := Clean([][]string{{"go", "B", "a", "GO"}, {"c", "a", "go"}, {"a"}}, "go")
	if s := fmt.Sprint(got); s != "[[B] [c] []]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	lists := [][]string{{"go", "b", "a"}, {"c", "a", "go"}, {"a", "d"}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		in := [][]string{lists[0], lists[1], lists[2]}
		_ = Clean(in, "go")
	}))
}

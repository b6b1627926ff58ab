package stats

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	c := &Counter{}
	counts, next := c.Count([]string{"a bb ccc", "dddd e"}, 2)
	if got := fmt.Sprint(counts, next); got != "[2 1] 3" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	c := &Counter{}
	docs := []string{"a bb ccc", "dddd e", "ff"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { c.Count(docs, 0) }))
}

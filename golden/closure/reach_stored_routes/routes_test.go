package routes

import (
	"io"
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	table := Table([]string{"a", "b"}, "")
	var got strings.Builder
	table["b"](&got)
	table["a"](&got)
	if got.String() != "/b\n/a\n" {
		t.Fatal(got.String())
	}
}

func TestAllocs(t *testing.T) {
	paths := []string{"a", "b", "c", "d"}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Table(paths, "/api/")["c"](io.Discard) }))
}

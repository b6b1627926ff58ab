package count

import (
	"fmt"
	"testing"
)

var docs = []string{"a b c", "", "d e", "f", "", "g h i j"}

func TestBehaviour(t *testing.T) {
	counts, sep := Tokens(docs, "")
	if got := fmt.Sprint(counts, sep); got != `[3 0 2 1 0 4]" "` {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Tokens(docs, " ") }))
}

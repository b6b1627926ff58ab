package thumbs

import (
	"fmt"
	"testing"
)

var sizes = []int{512, 1024, 2048}

func TestBehaviour(t *testing.T) {
	out, factor := Scale(sizes, 2)
	if got := fmt.Sprint(out, factor); got != "[4 8 16] 1" {
		t.Fatalf("Scale = %s", got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Scale(sizes, 2) }))
}

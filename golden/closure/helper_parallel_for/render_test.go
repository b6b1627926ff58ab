package frames

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	got := Render(2, 2, 2, 1)
	if s := fmt.Sprint(got); s != "[[0 1 1 2] [0 3 3 6]]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Render(1, 4, 4, 1) }))
}

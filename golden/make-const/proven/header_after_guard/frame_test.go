package frame

import (
	"bytes"
	"testing"
)

func TestBehaviour(t *testing.T) {
	data := bytes.Repeat([]byte{1}, 60)
	for n, want := range map[int]int{0: 4, 10: 14, 48: 52, 49: -1, -1: -1} {
		if got := Sum(data, n); got != want {
			t.Fatalf("Sum(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestAllocs(t *testing.T) {
	data := bytes.Repeat([]byte{1}, 60)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sum(data, 40) }))
}

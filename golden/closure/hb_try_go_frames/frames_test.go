package frames

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	frames := [][]byte{[]byte("ab"), []byte("cde")}
	sizes := make([]int, len(frames))
	next := Encode(frames, sizes, 4, 3, func(f []byte, q int) int { return len(f) * q })
	if next != 3 || fmt.Sprint(sizes) != "[6 9]" { // four workers for two frames: none is dropped
		t.Fatal(next, sizes)
	}
	next = Encode(frames, sizes, 0, 3, func(f []byte, q int) int { return q }) // a limit of 0 takes none
	if next != 2 || fmt.Sprint(sizes) != "[6 9]" {
		t.Fatal(next)
	}
}

func TestAllocs(t *testing.T) {
	frames := [][]byte{[]byte("ab"), []byte("cde")}
	sizes := make([]int, len(frames))
	t.Logf("allocs=%v", testing.AllocsPerRun(50, func() { Encode(frames, sizes, 4, 3, func(f []byte, q int) int { return len(f) * q }) }))
}

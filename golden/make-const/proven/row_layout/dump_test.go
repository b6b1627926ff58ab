package dump

import (
	"bytes"
	"testing"
)

func want(data []byte, width int, upper bool) uint32 {
	var sum uint32
	for start := 0; start < len(data); start += width {
		end := min(start+width, len(data))
		for _, b := range data[start:end] {
			sum = sum*31 + uint32(b)
		}
		if upper {
			sum ^= uint32(end - start)
		}
	}
	return sum
}

func TestBehaviour(t *testing.T) {
	for _, n := range []int{0, 1, 47, 48, 64, 100, 1000} {
		data := bytes.Repeat([]byte("hexdump!"), n)[:n]
		if got := Fold(data, false); got != want(data, 48, false) {
			t.Fatalf("Fold(%d, narrow) = %#x", n, got)
		}
		if got := Fold(data, true); got != want(data, 64, true) {
			t.Fatalf("Fold(%d, wide) = %#x", n, got)
		}
	}
}

func TestAllocs(t *testing.T) {
	data := bytes.Repeat([]byte("hexdump!"), 100)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Fold(data, true) }))
}

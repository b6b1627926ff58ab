package lanes

import (
	"bytes"
	"testing"
)

// want folds the record as Sum does, lane by lane in a map.
func want(n int, record []byte) uint64 {
	lanes := map[int]byte{}
	for i, b := range record {
		lanes[i%n] = lanes[i%n]*31 + b
	}
	var h uint64
	for i := 0; i < n; i++ {
		h = h<<5 ^ h>>59 ^ uint64(lanes[i])
	}
	return h
}

func TestBehaviour(t *testing.T) {
	record := bytes.Repeat([]byte("checksum lanes "), 20)
	for k, n := range map[Kind]int{Short: 8, Wide: 32, Full: 64, Kind(9): 64} {
		if got := Sum(k, record); got != want(n, record) {
			t.Fatalf("Sum(%d) = %#x, want %#x", k, got, want(n, record))
		}
	}
}

func TestAllocs(t *testing.T) {
	record := bytes.Repeat([]byte("checksum lanes "), 20)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sum(Full, record) }))
}

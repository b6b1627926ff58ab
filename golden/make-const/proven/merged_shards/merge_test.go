package merge

import "testing"

func ids(n int, step uint64) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(i+1) * step
	}
	return out
}

func TestBehaviour(t *testing.T) {
	if got := Checksum(ids(3, 2), ids(2, 3)); got != Checksum(ids(2, 3), ids(3, 2)) {
		t.Fatal("merge depends on the shard order", got)
	}
	if Checksum(ids(40, 1), nil) != Checksum(ids(40, 1)[24:], nil) {
		t.Fatal("more than the newest 16 IDs were merged")
	}
	if Checksum(nil, nil) != 14695981039346656037 {
		t.Fatal("empty merge")
	}
}

func TestAllocs(t *testing.T) {
	a, b := ids(16, 2), ids(16, 3)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Checksum(a, b) }))
}

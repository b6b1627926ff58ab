package column

import "testing"

// want packs and folds as Checksum does, with the width given.
func want(width int, run []uint64) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range run {
		for b := 0; b < width; b++ {
			h = (h ^ uint64(byte(v>>(8*b)))) * 1099511628211
		}
	}
	return h
}

func TestBehaviour(t *testing.T) {
	run := make([]uint64, maxRun)
	for i := range run {
		run[i] = uint64(i) * 0x0102030405060708
	}
	for _, c := range []struct {
		sample any
		width  int
	}{{uint8(0), 1}, {true, 1}, {int16(0), 2}, {float32(0), 4}, {uint64(0), 8}, {0.5, 8}} {
		for _, n := range []int{0, 3, maxRun} {
			if got := Checksum(c.sample, run[:n]); got != want(c.width, run[:n]) {
				t.Fatalf("Checksum(%T, %d) = %#x, want %#x", c.sample, n, got, want(c.width, run[:n]))
			}
		}
	}
	if Checksum("text", run) != 0 || Checksum(uint8(0), make([]uint64, maxRun+1)) != 0 {
		t.Fatal("an unknown type or a long run is not refused")
	}
}

func TestAllocs(t *testing.T) {
	run := make([]uint64, maxRun)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Checksum(int64(0), run) }))
}

package key

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"testing"
)

// want hashes the key as the store writes it: AppendUvarint and hash/fnv.
func want(parts ...uint64) uint64 {
	var key []byte
	for _, v := range parts {
		key = binary.AppendUvarint(key, v)
	}
	h := fnv.New64a()
	h.Write(key)
	return h.Sum64()
}

func TestBehaviour(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 1 << 35, math.MaxUint64} {
		if got, want := sizeVarint(v), len(binary.AppendUvarint(nil, v)); got != want {
			t.Fatalf("sizeVarint(%d) = %d, want %d", v, got, want)
		}
	}
	for _, k := range [][4]uint64{{1, 2, 3, 4}, {7, 1 << 40, math.MaxUint64, 300}, {math.MaxUint64, math.MaxUint64, math.MaxUint64, math.MaxUint64}} {
		if got := Hash(k[0], k[1], k[2], k[3]); got != want(k[:]...) {
			t.Fatalf("Hash%v = %#x, want %#x", k, got, want(k[:]...))
		}
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Hash(math.MaxUint64, 1<<62, 1<<60, math.MaxUint64) }))
}

package column

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	vals := make([]int64, 300)
	for i := range vals {
		vals[i] = int64(i * i)
	}
	dst := make([]byte, 0, 4096)
	allocs(t, "Encode", func() { Encode(dst[:0], vals) })
	enc := Encode(nil, vals[:100])
	out := make([]int64, 128)
	allocs(t, "DecodeBlock", func() { DecodeBlock(enc, out, 0) })
	u := make([]uint32, 100)
	allocs(t, "BitPack", func() { BitPack(u, 13) })
}

func TestRoundTrip(t *testing.T) {
	vals := []int64{5, 7, -3, 100000, 1 << 40}
	enc := Encode(nil, vals)
	out := make([]int64, 5)
	if _, err := DecodeBlock(enc, out, 0); err != nil {
		t.Fatal(err)
	}
	for i := range vals {
		if out[i] != vals[i] {
			t.Fatalf("%d: %d != %d", i, out[i], vals[i])
		}
	}
}

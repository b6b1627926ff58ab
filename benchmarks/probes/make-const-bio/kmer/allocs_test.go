package kmer

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	allocs(t, "Encode", func() { _, _ = Encode(s, 21) })
	allocs(t, "Decode", func() { _ = Decode(0x123456789, 21) })
	allocs(t, "Spectrum", func() { _ = Spectrum(s, 6) })
	allocs(t, "All", func() { _ = All(s, 21, func(uint64) {}) })
	allocs(t, "Canonical", func() { _ = Canonical(0x123456789, 31) })
}

func TestEncode(t *testing.T) {
	if v, err := Encode([]byte("ACGT"), 4); v != 0x1B || err != nil {
		t.Fatal(v, err)
	}
	if s := Decode(0x1B, 4); s != "ACGT" {
		t.Fatal(s)
	}
}

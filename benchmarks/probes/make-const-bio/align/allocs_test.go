package align

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	r := s[3:]
	ad := []byte("AGATCGGAAGAGCACACGTCTGAACTCCAGTCAC")
	allocs(t, "EditDistance", func() { _, _ = EditDistance(s, r) })
	allocs(t, "SmithWaterman", func() { _, _ = SmithWaterman(s, r, 2, -1, 2) })
	allocs(t, "Hamming", func() { _ = Hamming(s, s) })
	allocs(t, "Banded", func() { _ = Banded(s, r, 16) })
	allocs(t, "Adapter", func() { _ = Adapter(s, ad) })
	allocs(t, "Traceback", func() { _ = Traceback(s[:40], r[:40]) })
}

func TestEditDistance(t *testing.T) {
	if d, _ := EditDistance([]byte("kitten"), []byte("sitting")); d != 3 {
		t.Fatal(d)
	}
	if d := Traceback([]byte("kitten"), []byte("sitting")); d != 3 {
		t.Fatal(d)
	}
}

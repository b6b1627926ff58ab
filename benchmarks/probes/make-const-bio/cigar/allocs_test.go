package cigar

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ops := []Op{{5, 'S'}, {120, 'M'}, {2, 'I'}, {30, 'M'}, {1, 'D'}, {40, 'M'}}
	ref := []byte("ACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTAC")
	read := []byte("ACGTACGTACGAACGTACGTACGTACGTACTTACGTACGTACGTACGTAC")
	allocs(t, "String", func() { _, _ = String(ops) })
	allocs(t, "RefSpan", func() { _, _ = RefSpan("5S120M2I30M1D40M") })
	allocs(t, "Expand", func() { _, _ = Expand(ops[:3]) })
	allocs(t, "MD", func() { _ = MD(ref, read) })
}

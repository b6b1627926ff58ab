package bloom

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	f := New(1<<16, 7)
	f.Add(42)
	allocs(t, "Has", func() { _ = f.Has(42) })
	allocs(t, "Add", func() { f.Add(43) })
	allocs(t, "Probe", func() { _ = f.Probe(42, 7) })
	allocs(t, "Hits", func() { _ = f.Hits(s, 21) })
}

package minimizer

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	allocs(t, "Count", func() { _, _ = Count(s, 10, 15) })
	allocs(t, "Positions", func() { _ = Positions(s, 2) })
}

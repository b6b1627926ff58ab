package gc

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	frac := make([]float64, 100)
	allocs(t, "Windows", func() { _ = Windows(s, 50) })
	allocs(t, "Profile", func() { _ = Profile(s, 20) })
	allocs(t, "Smooth", func() { _ = Smooth(frac, 5) })
}

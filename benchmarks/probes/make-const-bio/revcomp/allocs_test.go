package revcomp

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	site := []byte("GAATTC")
	primer := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAA")
	allocs(t, "InPlace", func() { _ = InPlace(s) })
	allocs(t, "IsPalindrome", func() { _ = IsPalindrome(site) })
	allocs(t, "Both", func() { _ = Both(s, primer) })
	allocs(t, "Clamp", func() { _ = Clamp(s) })
}

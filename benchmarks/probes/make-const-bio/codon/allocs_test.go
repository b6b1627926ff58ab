package codon

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	cds := s[:99]
	allocs(t, "Translate", func() { _, _ = Translate(&Standard, cds) })
	allocs(t, "Usage", func() { _ = Usage(cds) })
	allocs(t, "Frames", func() { _ = Frames(&Standard, s) })
}

func TestTranslate(t *testing.T) {
	if p, err := Translate(&Standard, []byte("ATGTAA")); p != "M*" || err != nil {
		t.Fatal(p, err)
	}
}

package fasta

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	line := []byte(">read_0001_with_a_long_identifier_for_the_buffer length=100 sample=A")
	allocs(t, "HeaderID", func() { _, _ = HeaderID(line) })
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	allocs(t, "Normalize", func() { _, _ = Normalize(s) })
	allocs(t, "Checksum", func() { _ = Checksum(s) })
}

package pack

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	packed := make([]byte, 75)
	dst := make([]byte, 300)
	body := make([]byte, 255)
	allocs(t, "Pack2", func() { _, _ = Pack2(s) })
	allocs(t, "Unpack2", func() { _ = Unpack2(dst, packed, 300) })
	allocs(t, "Header", func() { _, _ = Header(200<<24|12345, body) })
	allocs(t, "Chunks", func() { _ = Chunks(s, 4) })
}

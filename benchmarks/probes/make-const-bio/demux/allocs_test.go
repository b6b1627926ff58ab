package demux

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := []byte("ACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGTTGCAACGGTACCGTAGGCTAACGT")
	sh := &Sheet{Barcodes: [][]byte{[]byte("ACGTACGTACGTACGT")}, Len: 16}
	sheet := [][]byte{[]byte("TTTTTTTT")}
	samples := map[string]int{"ACGTACGTACGTACGT+TTTTGGGGCCCCAAAA": 1}
	i7, i5 := []byte("ACGTACGTACGTACGT"), []byte("TTTTGGGGCCCCAAAA")
	allocs(t, "Assign", func() { _ = sh.Assign(s) })
	allocs(t, "Fixed", func() { _ = Fixed(s, sheet) })
	allocs(t, "Dual", func() { _ = Dual(i7, i5, samples) })
	allocs(t, "UMI", func() { _ = UMI(s, 8, 12) })
	allocs(t, "Index", func() { _ = Index(s, 8) })
}

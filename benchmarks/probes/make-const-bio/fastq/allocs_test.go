package fastq

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	q := []byte("IIIIIHHHHHGGGGGFFFFFEEEEEDDDDDCCCCCBBBBBAAAAA@@@@@?????>>>>>=====<<<<<;;;;;:::::9999988888777776666655555")
	s := make([]byte, len(q))
	for i := range s {
		s[i] = "ACGT"[i%4]
	}
	var table [94]float64
	allocs(t, "MeanQuality", func() { _, _ = MeanQuality(q) })
	allocs(t, "TrimPosition", func() { _ = TrimPosition(q, 20) })
	allocs(t, "ExpectedErrors", func() { _ = ExpectedErrors(q, &table) })
	allocs(t, "Pair", func() { _, _ = Pair(s, q) })
}

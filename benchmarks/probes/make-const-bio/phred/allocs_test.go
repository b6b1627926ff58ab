package phred

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	q := []byte("IIIIIHHHHHGGGGGFFFFFEEEEEDDDDDCCCCCBBBBBAAAAA@@@@@?????>>>>>=====<<<<<;;;;;:::::9999988888777776666655555")
	reads := [][]byte{q, q, q}
	allocs(t, "Histogram", func() { _ = Histogram(q, 41) })
	allocs(t, "Cumulative", func() { _ = Cumulative(q) })
	allocs(t, "PerCycle", func() { _ = PerCycle(reads, 100) })
	allocs(t, "Bins", func() { _ = Bins(q, 1) })
}

package meter

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	x := make([]float32, 1024)
	for i := range x {
		x[i] = float32(i%17) / 17
	}
	allocs(t, "RMS", func() { RMS(x, 6) })
	allocs(t, "Histogram", func() { Histogram(x, 60) })
	allocs(t, "Segments", func() { Segments(x, 4) })
	allocs(t, "Crest", func() { Crest(x, 2, 200) })
}

func TestRMS(t *testing.T) {
	if got := RMS([]float32{1, 1, 1, 1}, 2); got != 1 {
		t.Fatal(got)
	}
}

func TestBinsAllocs(t *testing.T) {
	mags := make([]float64, 513)
	allocs(t, "Bins", func() { Bins(mags, 2, 64) })
	oct := make([]float64, 8)
	allocs(t, "Octaves", func() { Octaves(mags, oct) })
}

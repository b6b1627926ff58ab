package spectrum

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	x := make([]float64, 256)
	mags := make([]float64, 129)
	allocs(t, "Magnitudes", func() { Magnitudes(mags, x) })
	allocs(t, "Transform", func() { Transform(x, 8) })
	allocs(t, "Hann", func() { Hann(x) })
	allocs(t, "Bands", func() { Bands(mags, 8) })
	allocs(t, "Overlap", func() { Overlap(x, 256, 64) })
}

func TestMagnitudes(t *testing.T) {
	mags := make([]float64, 5)
	if err := Magnitudes(mags, []float64{1, 1, 1, 1, 1, 1, 1, 1}); err != nil || math32(mags[0]) != 8 {
		t.Fatal(mags, err)
	}
}

func math32(v float64) float32 { return float32(v) }

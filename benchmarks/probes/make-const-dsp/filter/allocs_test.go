package filter

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	x := make([]float64, 128)
	h := make([]float64, 16)
	y := make([]float64, 200)
	allocs(t, "Convolve", func() { Convolve(y, x, h) })
	allocs(t, "Gain", func() { Gain(h, 7) })
	secs := []Biquad{{B0: 1}, {B0: 1}, {B0: 1}}
	allocs(t, "Cascade", func() { Cascade(x, secs) })
	b := make([]float64, 9)
	allocs(t, "Direct", func() { Direct(x, b, b, 8) })
}

func TestConvolve(t *testing.T) {
	y := make([]float64, 4)
	n, err := Convolve(y, []float64{1, 2}, []float64{1, 1, 1})
	if err != nil || n != 4 || y[1] != 3 || y[3] != 2 {
		t.Fatal(y, n, err)
	}
}

func TestBankAllocs(t *testing.T) {
	x := make([]float64, 64)
	out := make([]float64, 64)
	bands := make([]Band, 4)
	allocs(t, "Crossover", func() { Crossover(out, x, bands) })
	allocs(t, "Stage", func() { Stage(x, bands[0], 5) })
}

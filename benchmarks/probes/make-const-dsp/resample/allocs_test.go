package resample

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	x := make([]float32, 200)
	dst := make([]float32, 1024)
	allocs(t, "Rational", func() { Rational(dst, x, 3, 2) })
	allocs(t, "Double", func() { Double(dst, x) })
	allocs(t, "Decimate", func() { Decimate(dst, x, 2) })
	allocs(t, "Polyphase", func() { Polyphase(x[:60], 4) })
	xs := make([]int16, 200)
	ds := make([]int16, 1024)
	allocs(t, "Hold", func() { Hold(ds, xs, 3) })
}

func TestRational(t *testing.T) {
	dst := make([]float32, 8)
	n, err := Rational(dst, []float32{1, 2, 3, 4}, 3, 2)
	if err != nil || n != 6 {
		t.Fatal(n, err)
	}
}

package digest

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	data := []byte("the quick brown fox jumps over the lazy dog")
	allocs(t, "HexSum", func() { HexSum(data) })
	allocs(t, "ShortID", func() { ShortID(data, 12) })
	allocs(t, "Fold", func() { Fold("Content-Type-And-Some-More-Header-Text") })
	big := make([]byte, 300)
	allocs(t, "Fletcher16", func() { Fletcher16(big) })
	var r Ring
	for i := 0; i < 100; i++ {
		r.Add(float64(i))
	}
	allocs(t, "Median", func() { r.Median(50) })
	xs := make([]float64, 500)
	allocs(t, "MovingMax", func() { MovingMax(xs, 60) })
	allocs(t, "Percentile", func() { Percentile(xs, 90) })
}

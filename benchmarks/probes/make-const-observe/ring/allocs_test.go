package ring

import (
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	var r Ring
	for i := 0; i < 300; i++ {
		r.Push(float64(i % 97))
	}
	allocs(t, "Ring.Median", func() { r.Median() })
	allocs(t, "Ring.Percentile", func() { r.Percentile(99) })
	if r.Trimmed(10) <= 0 {
		t.Fatal(r.Trimmed(10))
	}
	allocs(t, "Ring.Trimmed", func() { r.Trimmed(10) })
	ds := make([]time.Duration, 2000)
	for i := range ds {
		ds[i] = time.Duration(i) * time.Millisecond
	}
	if P99(ds) != 1989*time.Millisecond {
		t.Fatal(P99(ds))
	}
	allocs(t, "P99", func() { P99(ds[:500]) })
	vals := make([]float64, 200)
	for i := range vals {
		vals[i] = float64(i % 13)
	}
	if MovingMax([]float64{1, 5, 2, 7}, 2) != 9 {
		t.Fatal(MovingMax([]float64{1, 5, 2, 7}, 2))
	}
	allocs(t, "MovingMax", func() { MovingMax(vals, 48) })
	if Spread([]float64{3, 1}, 10) != 9 {
		t.Fatal(Spread([]float64{3, 1}, 10))
	}
}

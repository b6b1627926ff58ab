package latency

import "testing"

func samples(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64((i * 7919) % 1000)
	}
	return s
}

var recent = samples(500)

func TestBehaviour(t *testing.T) {
	if Median(nil) != 0 || Median([]float64{3, 1, 2}) != 2 {
		t.Fatal(Median(nil), Median([]float64{3, 1, 2}))
	}
	// only the last 128 count: 1000 old slow samples, then 128 fast ones
	s := append(make([]float64, 0, 1128), samples(1000)...)
	for i := 0; i < window; i++ {
		s = append(s, 1)
	}
	if Median(s) != 1 {
		t.Fatal(Median(s))
	}
	if got := Median(recent); got != 522 {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Median(recent) }))
}

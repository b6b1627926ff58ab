package matrix

import "testing"

func fleet(n int) []LatLon {
	s := make([]LatLon, n)
	for i := range s {
		s[i] = LatLon{52 + float64(i%4)*0.01, 13 + float64(i/4)*0.013}
	}
	return s
}

func TestAllocs(t *testing.T) {
	stops := fleet(16)
	i, j, err := ClosestPair(stops)
	if err != nil || i == j {
		t.Fatal("ClosestPair", i, j, err)
	}
	allocs(t, "ClosestPair", func() { ClosestPair(stops) })
	if d, err := GreedyTour(stops); err != nil || d <= 0 {
		t.Fatal("GreedyTour", d, err)
	}
	allocs(t, "GreedyTour", func() { GreedyTour(stops) })
	g, _ := GreedyTour(stops)
	if d, err := TwoOpt(stops, 5); err != nil || d <= 0 || d > 2*g {
		t.Fatal("TwoOpt", d, err)
	}
	allocs(t, "TwoOpt", func() { TwoOpt(stops, 5) })
	if m := Medoid(stops); m < 0 || m >= 16 {
		t.Fatal("Medoid", m)
	}
	big := fleet(20)
	allocs(t, "Medoid", func() { Medoid(big) })
	if d, err := Depots(stops[:3], stops); err != nil || d < 0 {
		t.Fatal("Depots", d, err)
	}
}

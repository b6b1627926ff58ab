// Package matrix plans small dispatch runs over a fleet's stops: distance matrices and tours.
package matrix

import (
	"errors"
	"math"

	"example.com/probes/make-const-geo/limits"
)

// LatLon is a stop's position in degrees.
type LatLon struct{ Lat, Lon float64 }

var errFleet = errors.New("matrix: too many stops")

// Haversine returns the great-circle distance in metres.
func Haversine(a, b LatLon) float64 {
	const r = 6371008.8
	la1, la2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dla, dlo := la2-la1, (b.Lon-a.Lon)*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// Distances returns the n×n distance matrix, row-major, which the caller keeps.
func Distances(stops []LatLon) ([]float64, error) {
	if len(stops) > limits.MaxFleet {
		return nil, errFleet
	}
	n := len(stops)
	d := make([]float64, n*n)
	for i := range stops {
		for j := range stops {
			d[i*n+j] = Haversine(stops[i], stops[j])
		}
	}
	return d, nil
}

// ClosestPair returns the two stops nearest each other.
func ClosestPair(stops []LatLon) (int, int, error) {
	if len(stops) < 2 || len(stops) > limits.MaxFleet {
		return 0, 0, errFleet
	}
	n := len(stops)
	d := make([]float64, n*n)
	for i := range stops {
		for j := i + 1; j < n; j++ {
			d[i*n+j] = Haversine(stops[i], stops[j])
		}
	}
	bi, bj := 0, 1
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if d[i*n+j] < d[bi*n+bj] {
				bi, bj = i, j
			}
		}
	}
	return bi, bj, nil
}

// GreedyTour returns the length of a nearest-neighbour tour from stop 0.
func GreedyTour(stops []LatLon) (float64, error) {
	if len(stops) > limits.MaxFleet {
		return 0, errFleet
	}
	seen := make([]bool, len(stops))
	cur, total := 0, 0.0
	for k := 1; k < len(stops); k++ {
		seen[cur] = true
		next, best := -1, math.Inf(1)
		for j, s := range stops {
			if !seen[j] {
				if d := Haversine(stops[cur], s); d < best {
					next, best = j, d
				}
			}
		}
		cur, total = next, total+best
	}
	return total, nil
}

// Order returns a nearest-neighbour visiting order, which the dispatcher keeps.
func Order(stops []LatLon) []int {
	order := make([]int, 0, len(stops))
	seen := make([]bool, len(stops))
	cur := 0
	for len(order) < len(stops) {
		order = append(order, cur)
		seen[cur] = true
		next, best := -1, math.Inf(1)
		for j, s := range stops {
			if !seen[j] {
				if d := Haversine(stops[cur], s); d < best {
					next, best = j, d
				}
			}
		}
		cur = next
	}
	return order
}

// TwoOpt improves the identity tour with 2-opt moves and returns its length.
func TwoOpt(stops []LatLon, rounds int) (float64, error) {
	if len(stops) < 4 || len(stops) > limits.MaxFleet {
		return 0, errFleet
	}
	tour := make([]int, len(stops))
	for i := range tour {
		tour[i] = i
	}
	dist := func(a, b int) float64 { return Haversine(stops[tour[a]], stops[tour[b%len(tour)]]) }
	for r := 0; r < rounds; r++ {
		improved := false
		for i := 0; i < len(tour)-2; i++ {
			for j := i + 2; j < len(tour); j++ {
				if dist(i, i+1)+dist(j, j+1) > dist(i, j)+dist(i+1, j+1)+1e-9 {
					for a, b := i+1, j; a < b; a, b = a+1, b-1 {
						tour[a], tour[b] = tour[b], tour[a]
					}
					improved = true
				}
			}
		}
		if !improved {
			break
		}
	}
	total := 0.0
	for i := range tour {
		total += dist(i, i+1)
	}
	return total, nil
}

// Medoid returns the stop with the least total distance to the first MaxFleet stops.
func Medoid(stops []LatLon) int {
	n := min(len(stops), limits.MaxFleet)
	sums := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			sums[i] += Haversine(stops[i], stops[j])
		}
	}
	best := 0
	for i, s := range sums {
		if s < sums[best] {
			best = i
		}
	}
	return best
}

// Depots counts, for each of up to MaxFleet depots, the stops nearer to it than to any
// other, and returns the busiest depot.
func Depots(depots, stops []LatLon) (int, error) {
	if uint8(len(depots)) > limits.MaxFleet {
		return 0, errFleet
	}
	load := make([]int, len(depots))
	for _, s := range stops {
		best, bd := 0, math.Inf(1)
		for i, d := range depots {
			if x := Haversine(d, s); x < bd {
				best, bd = i, x
			}
		}
		load[best]++
	}
	top := 0
	for i, l := range load {
		if l > load[top] {
			top = i
		}
	}
	return top, nil
}

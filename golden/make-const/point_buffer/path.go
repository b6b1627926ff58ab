// Package path measures polylines.
package path

import "math"

type point struct{ x, y float64 }

// Length returns the length of the polyline through the given coordinates (x0, y0, x1, y1, …).
func Length(coords []float64) float64 {
	pts := make([]point, len(coords)/2) // want(<go1.25) "make\\(\\[\\]point, len\\(coords\\) / 2\\) escapes to heap" want(>=go1.25) "does not escape"
	for i := range pts {
		pts[i] = point{coords[2*i], coords[2*i+1]}
	}
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += math.Hypot(pts[i].x-pts[i-1].x, pts[i].y-pts[i-1].y)
	}
	return total
}

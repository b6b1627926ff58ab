package capacity_form

type point struct{ x, y float64 }

// Centroid averages up to two points.
func Centroid(xs, ys []float64, n int) (float64, float64) {
	if n > 2 {
		panic("centroid: at most two points")
	}
	pts := make([]point, 0, n) // want(<go1.25) "make\\(\\[\\]point, 0, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]point, 0, n\\) does not escape"
	for i := 0; i < n; i++ {
		pts = append(pts, point{xs[i], ys[i]})
	}
	var cx, cy float64
	for _, p := range pts {
		cx += p.x / float64(n)
		cy += p.y / float64(n)
	}
	return cx, cy
}

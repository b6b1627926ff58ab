// Package bbox does bounding-box math for viewport queries and geofences.
package bbox

import (
	"errors"

	"example.com/probes/make-const-geo/limits"
)

// Point is a planar coordinate.
type Point struct{ X, Y float64 }

// Box is an axis-aligned rectangle.
type Box struct{ Min, Max Point }

// maxGrid is the finest grid the heatmap layer bins a viewport into.
const maxGrid = 16

var (
	errRing = errors.New("bbox: ring too large")
	errGrid = errors.New("bbox: grid out of range")
)

// Of returns the bounds of a set of points.
func Of(pts []Point) Box {
	b := Box{pts[0], pts[0]}
	for _, p := range pts[1:] {
		b.Min.X, b.Min.Y = min(b.Min.X, p.X), min(b.Min.Y, p.Y)
		b.Max.X, b.Max.Y = max(b.Max.X, p.X), max(b.Max.Y, p.Y)
	}
	return b
}

// Contains says whether p lies in b.
func (b Box) Contains(p Point) bool {
	return p.X >= b.Min.X && p.X <= b.Max.X && p.Y >= b.Min.Y && p.Y <= b.Max.Y
}

type edge int

const (
	left edge = iota
	right
	bottom
	top
)

func inside(p Point, b Box, e edge) bool {
	switch e {
	case left:
		return p.X >= b.Min.X
	case right:
		return p.X <= b.Max.X
	case bottom:
		return p.Y >= b.Min.Y
	}
	return p.Y <= b.Max.Y
}

func cross(a, c Point, b Box, e edge) Point {
	var t float64
	switch e {
	case left:
		t = (b.Min.X - a.X) / (c.X - a.X)
	case right:
		t = (b.Max.X - a.X) / (c.X - a.X)
	case bottom:
		t = (b.Min.Y - a.Y) / (c.Y - a.Y)
	default:
		t = (b.Max.Y - a.Y) / (c.Y - a.Y)
	}
	return Point{a.X + t*(c.X-a.X), a.Y + t*(c.Y-a.Y)}
}

func clipEdge(dst, src []Point, b Box, e edge) []Point {
	dst = dst[:0]
	for i, cur := range src {
		prev := src[(i+len(src)-1)%len(src)]
		cin, pin := inside(cur, b, e), inside(prev, b, e)
		if cin != pin {
			dst = append(dst, cross(prev, cur, b, e))
		}
		if cin {
			dst = append(dst, cur)
		}
	}
	return dst
}

func area(ring []Point) float64 {
	s := 0.0
	for i, p := range ring {
		q := ring[(i+1)%len(ring)]
		s += p.X*q.Y - q.X*p.Y
	}
	return s / 2
}

// ClippedArea returns the area of a fence inside a viewport (Sutherland–Hodgman).
func ClippedArea(ring []Point, b Box) (float64, error) {
	if len(ring) > limits.MaxRingPoints {
		return 0, errRing
	}
	// Each pass adds at most one vertex per edge it crosses: 2n bounds all four.
	bufA := make([]Point, 0, 2*len(ring)+4)
	bufB := make([]Point, 0, 2*len(ring)+4)
	cur := append(bufA, ring...)
	for e := left; e <= top; e++ {
		bufB = clipEdge(bufB, cur, b, e)
		cur, bufB = bufB, cur
	}
	return area(cur), nil
}

// Clip returns the part of a ring inside a box, which the caller keeps.
func Clip(ring []Point, b Box) []Point {
	cur := make([]Point, len(ring))
	copy(cur, ring)
	for e := left; e <= top; e++ {
		cur = clipEdge(nil, cur, b, e)
	}
	return cur
}

// Heat counts the points falling in each cell of an n×n grid over a viewport and
// returns the busiest cell's count.
func Heat(b Box, n int, pts []Point) (int, error) {
	if n <= 0 || n > maxGrid {
		return 0, errGrid
	}
	xs := make([]float64, n+1)
	for i := range xs {
		xs[i] = b.Min.X + (b.Max.X-b.Min.X)*float64(i)/float64(n)
	}
	counts := make([]int, n*n)
	for _, p := range pts {
		if !b.Contains(p) {
			continue
		}
		cx := 0
		for cx < n-1 && p.X >= xs[cx+1] {
			cx++
		}
		cy := min(int((p.Y-b.Min.Y)/(b.Max.Y-b.Min.Y)*float64(n)), n-1)
		counts[cy*n+cx]++
	}
	best := 0
	for _, c := range counts {
		best = max(best, c)
	}
	return best, nil
}

// Centroid returns the centroid of a closed ring of any size.
func Centroid(ring []Point) Point {
	closed := make([]Point, len(ring)+1)
	copy(closed, ring)
	closed[len(ring)] = ring[0]
	var cx, cy, a float64
	for i := 0; i+1 < len(closed); i++ {
		p, q := closed[i], closed[i+1]
		f := p.X*q.Y - q.X*p.Y
		cx += (p.X + q.X) * f
		cy += (p.Y + q.Y) * f
		a += f
	}
	return Point{cx / (3 * a), cy / (3 * a)}
}

// Fence is a geofence with its ring cached for hit tests.
type Fence struct {
	ring []Point
	box  Box
}

// SetRing copies a ring into the fence: the copy is kept.
func (f *Fence) SetRing(ring []Point) error {
	if len(ring) > limits.MaxRingPoints {
		return errRing
	}
	r := make([]Point, len(ring))
	copy(r, ring)
	f.ring, f.box = r, Of(r)
	return nil
}

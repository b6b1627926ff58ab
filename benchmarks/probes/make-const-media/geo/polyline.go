package geo

import (
	"errors"
	"math"
)

// Point is a position in degrees.
type Point struct {
	Lat, Lon float64
}

// MaxPolyline is the most points one encoded route segment may carry.
const MaxPolyline = 64

var errRoute = errors.New("geo: route too long")

// maxChunks is the most 5-bit chunks one delta takes (a 32-bit signed value).
const maxChunks = 6

// EncodePolyline encodes a route with Google's polyline algorithm at 1e5 precision.
func EncodePolyline(pts []Point) (string, error) {
	if len(pts) > MaxPolyline {
		return "", errRoute
	}
	buf := make([]byte, 0, 2*maxChunks*len(pts))
	var plat, plon int
	for _, p := range pts {
		lat := int(math.Round(p.Lat * 1e5))
		lon := int(math.Round(p.Lon * 1e5))
		buf = appendDelta(buf, lat-plat)
		buf = appendDelta(buf, lon-plon)
		plat, plon = lat, lon
	}
	return string(buf), nil
}

func appendDelta(b []byte, v int) []byte {
	u := v << 1
	if v < 0 {
		u = ^u
	}
	for u >= 0x20 {
		b = append(b, byte(0x20|u&0x1f)+63)
		u >>= 5
	}
	return append(b, byte(u)+63)
}

// DecodePolyline decodes a route into dst and returns how many points it wrote.
func DecodePolyline(s string, dst []Point) (int, error) {
	if len(s) > 2*maxChunks*MaxPolyline {
		return 0, errRoute
	}
	vals := make([]int, 0, len(s))
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		c := int(s[i]) - 63
		v |= (c & 0x1f) << shift
		shift += 5
		if c < 0x20 {
			if v&1 != 0 {
				v = ^(v >> 1)
			} else {
				v >>= 1
			}
			vals = append(vals, v)
			v, shift = 0, 0
		}
	}
	n := 0
	var lat, lon int
	for i := 0; i+1 < len(vals) && n < len(dst); i += 2 {
		lat += vals[i]
		lon += vals[i+1]
		dst[n] = Point{float64(lat) / 1e5, float64(lon) / 1e5}
		n++
	}
	return n, nil
}

// RouteLength returns a route's length in metres and its longest leg.
func RouteLength(pts []Point) (total, longest float64) {
	if len(pts) < 2 || len(pts) > MaxPolyline {
		return 0, 0
	}
	legs := make([]float64, len(pts)-1)
	for i := range legs {
		legs[i] = haversine(pts[i], pts[i+1])
	}
	for _, l := range legs {
		total += l
		longest = max(longest, l)
	}
	return total, longest
}

func haversine(a, b Point) float64 {
	const r = 6371e3
	p1, p2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dp := p2 - p1
	dl := (b.Lon - a.Lon) * math.Pi / 180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// Simplify keeps every point of a route farther than tol from its predecessor kept, into dst.
func Simplify(pts []Point, tol float64, dst []Point) int {
	keep := make([]bool, len(pts))
	last := -1
	for i, p := range pts {
		if last < 0 || haversine(pts[last], p) > tol {
			keep[i] = true
			last = i
		}
	}
	n := 0
	for i, k := range keep {
		if k && n < len(dst) {
			dst[n] = pts[i]
			n++
		}
	}
	return n
}

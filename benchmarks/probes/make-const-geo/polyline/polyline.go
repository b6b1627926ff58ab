// Package polyline encodes coordinates in Google's encoded polyline format.
package polyline

import (
	"errors"
	"math"
)

// Point is a WGS84 coordinate in degrees.
type Point struct{ Lat, Lon float64 }

// MaxPoints is how many points a share link's polyline may hold.
const MaxPoints = 32

// maxValueLen is the longest encoding of one coordinate delta at 1e5 precision: a
// zig-zagged delta below 2^30 takes at most six 5-bit chunks.
const maxValueLen = 6

// maxEncoded is the longest encoded polyline the share endpoint accepts.
const maxEncoded = 256

var (
	errTooMany = errors.New("polyline: too many points")
	errFormat  = errors.New("polyline: malformed")
)

func appendValue(dst []byte, v int) []byte {
	u := uint(v) << 1
	if v < 0 {
		u = ^u
	}
	for u >= 0x20 {
		dst = append(dst, byte(0x20|u&0x1f)+63)
		u >>= 5
	}
	return append(dst, byte(u)+63)
}

func round5(f float64) int { return int(math.Round(f * 1e5)) }

// EncodeShare encodes a short route for a share link.
func EncodeShare(points []Point) (string, error) {
	if len(points) > MaxPoints {
		return "", errTooMany
	}
	buf := make([]byte, 0, 2*maxValueLen*len(points))
	plat, plon := 0, 0
	for _, p := range points {
		lat, lon := round5(p.Lat), round5(p.Lon)
		buf = appendValue(buf, lat-plat)
		buf = appendValue(buf, lon-plon)
		plat, plon = lat, lon
	}
	return string(buf), nil
}

// Encode encodes a whole track: no bound, the buffer grows with it.
func Encode(points []Point) string {
	buf := make([]byte, 0, 2*maxValueLen*len(points))
	plat, plon := 0, 0
	for _, p := range points {
		lat, lon := round5(p.Lat), round5(p.Lon)
		buf = appendValue(buf, lat-plat)
		buf = appendValue(buf, lon-plon)
		plat, plon = lat, lon
	}
	return string(buf)
}

func readValue(s string, i int) (int, int, bool) {
	var u uint
	shift := uint(0)
	for {
		if i >= len(s) || shift > 30 {
			return 0, i, false
		}
		c := uint(s[i]) - 63
		i++
		u |= (c & 0x1f) << shift
		shift += 5
		if c < 0x20 {
			break
		}
	}
	v := int(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v, i, true
}

// Decode decodes a polyline into points the caller keeps.
func Decode(s string) ([]Point, error) {
	pts := make([]Point, 0, len(s)/2)
	lat, lon := 0, 0
	for i := 0; i < len(s); {
		var dlat, dlon int
		var ok bool
		if dlat, i, ok = readValue(s, i); !ok {
			return nil, errFormat
		}
		if dlon, i, ok = readValue(s, i); !ok {
			return nil, errFormat
		}
		lat, lon = lat+dlat, lon+dlon
		pts = append(pts, Point{float64(lat) / 1e5, float64(lon) / 1e5})
	}
	return pts, nil
}

// Length returns a shared route's length in metres, decoding it into scratch.
func Length(s string) (float64, error) {
	if len(s) > maxEncoded {
		return 0, errTooMany
	}
	pts := make([]Point, 0, len(s)/2)
	lat, lon := 0, 0
	for i := 0; i < len(s); {
		var dlat, dlon int
		var ok bool
		if dlat, i, ok = readValue(s, i); !ok {
			return 0, errFormat
		}
		if dlon, i, ok = readValue(s, i); !ok {
			return 0, errFormat
		}
		lat, lon = lat+dlat, lon+dlon
		pts = append(pts, Point{float64(lat) / 1e5, float64(lon) / 1e5})
	}
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += haversine(pts[i-1], pts[i])
	}
	return total, nil
}

func haversine(a, b Point) float64 {
	const r = 6371008.8
	la1, la2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dla, dlo := la2-la1, (b.Lon-a.Lon)*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// Cache keeps the last decoded route of a vehicle.
type Cache struct {
	last []Point
}

// Remember decodes a polyline into the cache's own buffer: the slice is kept.
func (c *Cache) Remember(s string) error {
	if len(s) > maxEncoded {
		return errTooMany
	}
	pts := make([]Point, 0, len(s)/2)
	lat, lon := 0, 0
	for i := 0; i < len(s); {
		var dlat, dlon int
		var ok bool
		if dlat, i, ok = readValue(s, i); !ok {
			return errFormat
		}
		if dlon, i, ok = readValue(s, i); !ok {
			return errFormat
		}
		lat, lon = lat+dlat, lon+dlon
		pts = append(pts, Point{float64(lat) / 1e5, float64(lon) / 1e5})
	}
	c.last = pts
	return nil
}

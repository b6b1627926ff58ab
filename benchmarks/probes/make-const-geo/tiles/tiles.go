// Package tiles addresses web-mercator map tiles: quadkeys, slippy paths, pyramids.
package tiles

import (
	"errors"
	"math"
	"strconv"

	"example.com/probes/make-const-geo/limits"
)

// Tile is a slippy-map tile.
type Tile struct{ X, Y, Z int }

var (
	errZoom  = errors.New("tiles: zoom out of range")
	errKey   = errors.New("tiles: bad quadkey")
	errDepth = errors.New("tiles: depth out of range")
)

// maxMeta is the widest metatile the renderer draws in one pass.
const maxMeta = 8

// Quadkey returns the Bing-style quadkey of a tile.
func Quadkey(t Tile) (string, error) {
	if t.Z < 0 || t.Z > limits.MaxZoom {
		return "", errZoom
	}
	key := make([]byte, t.Z)
	for i := t.Z; i > 0; i-- {
		d := byte('0')
		mask := 1 << (i - 1)
		if t.X&mask != 0 {
			d++
		}
		if t.Y&mask != 0 {
			d += 2
		}
		key[t.Z-i] = d
	}
	return string(key), nil
}

// ParseQuadkey returns the tile of a quadkey.
func ParseQuadkey(key string) (Tile, error) {
	if len(key) > limits.MaxZoom {
		return Tile{}, errZoom
	}
	t := Tile{Z: len(key)}
	for i := 0; i < len(key); i++ {
		mask := 1 << (len(key) - i - 1)
		switch key[i] {
		case '0':
		case '1':
			t.X |= mask
		case '2':
			t.Y |= mask
		case '3':
			t.X |= mask
			t.Y |= mask
		default:
			return Tile{}, errKey
		}
	}
	return t, nil
}

// FromLatLon returns the tile holding a point at a zoom.
func FromLatLon(lat, lon float64, z int) Tile {
	n := math.Exp2(float64(z))
	x := int((lon + 180) / 360 * n)
	r := lat * math.Pi / 180
	y := int((1 - math.Log(math.Tan(r)+1/math.Cos(r))/math.Pi) / 2 * n)
	return Tile{x, y, z}
}

// Path returns the cache path of a tile, "layer/z/x/y.ext".
func Path(layer string, t Tile, ext string) string {
	buf := make([]byte, 0, len(layer)+len(ext)+3*20+4)
	buf = append(buf, layer...)
	buf = append(buf, '/')
	buf = strconv.AppendInt(buf, int64(t.Z), 10)
	buf = append(buf, '/')
	buf = strconv.AppendInt(buf, int64(t.X), 10)
	buf = append(buf, '/')
	buf = strconv.AppendInt(buf, int64(t.Y), 10)
	buf = append(buf, '.')
	buf = append(buf, ext...)
	return string(buf)
}

// PyramidCounts returns how many tiles of a bounding box each zoom up to z holds.
func PyramidCounts(minLat, minLon, maxLat, maxLon float64, z int) (int, error) {
	if z < 0 || z > limits.MaxZoom {
		return 0, errZoom
	}
	counts := make([]int, z+1)
	for zz := range counts {
		a := FromLatLon(maxLat, minLon, zz)
		b := FromLatLon(minLat, maxLon, zz)
		counts[zz] = (b.X - a.X + 1) * (b.Y - a.Y + 1)
	}
	total := 0
	for _, c := range counts {
		total += c
	}
	return total, nil
}

// Descendants counts the tiles depth levels below t that a filter keeps.
func Descendants(t Tile, depth int, keep func(Tile) bool) (int, error) {
	if depth < 0 || depth > 4 || t.Z+depth > limits.MaxZoom {
		return 0, errDepth
	}
	side := 1 << depth
	kids := make([]Tile, 0, side*side)
	for dy := 0; dy < side; dy++ {
		for dx := 0; dx < side; dx++ {
			kids = append(kids, Tile{t.X<<depth + dx, t.Y<<depth + dy, t.Z + depth})
		}
	}
	n := 0
	for _, k := range kids {
		if keep(k) {
			n++
		}
	}
	return n, nil
}

// Meta returns the number of a metatile's tiles inside the world at its zoom.
func Meta(t Tile, size int) (int, error) {
	if size <= 0 || size > maxMeta {
		return 0, errDepth
	}
	inside := make([]bool, size*size)
	limit := 1 << t.Z
	for i := range inside {
		x, y := t.X+i%size, t.Y+i/size
		inside[i] = x < limit && y < limit
	}
	n := 0
	for _, in := range inside {
		if in {
			n++
		}
	}
	return n, nil
}

// Ancestors returns a tile's parents up to zoom 0, which the cache warmer keeps.
func Ancestors(t Tile) []Tile {
	out := make([]Tile, 0, t.Z)
	for t.Z > 0 {
		t = Tile{t.X >> 1, t.Y >> 1, t.Z - 1}
		out = append(out, t)
	}
	return out
}

// KeyRange returns the quadkeys of each zoom's ancestor of a tile joined by '|', for the
// cache purge of a tile and all its parents.
func KeyRange(t Tile) (string, error) {
	if t.Z < 0 || t.Z > limits.MaxZoom {
		return "", errZoom
	}
	buf := make([]byte, 0, (t.Z+1)*(t.Z+2)/2)
	for z := 1; z <= t.Z; z++ {
		shift := t.Z - z
		for i := z; i > 0; i-- {
			d := byte('0')
			mask := 1 << (i - 1)
			if (t.X>>shift)&mask != 0 {
				d++
			}
			if (t.Y>>shift)&mask != 0 {
				d += 2
			}
			buf = append(buf, d)
		}
		buf = append(buf, '|')
	}
	return string(buf), nil
}

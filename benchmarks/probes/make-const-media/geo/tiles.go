package geo

import (
	"errors"
	"math"
)

// Tile is a slippy-map tile.
type Tile struct {
	X, Y, Z int
}

var errZoom = errors.New("geo: zoom out of range")

// Quadkey returns Bing's quadkey of a tile.
func Quadkey(t Tile) (string, error) {
	if t.Z < 0 || t.Z > MaxZoom {
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

// TileOf returns the tile holding a position at zoom z.
func TileOf(lat, lon float64, z int) Tile {
	n := math.Exp2(float64(z))
	x := int((lon + 180) / 360 * n)
	r := lat * math.Pi / 180
	y := int((1 - math.Log(math.Tan(r)+1/math.Cos(r))/math.Pi) / 2 * n)
	return Tile{X: x, Y: y, Z: z}
}

// maxCover is how many tiles one cover request may touch.
const maxCover = 64

// CoverCount counts the distinct parent tiles (one level up) of the tiles covering a box.
func CoverCount(minLat, minLon, maxLat, maxLon float64, z int) (int, error) {
	a := TileOf(maxLat, minLon, z)
	b := TileOf(minLat, maxLon, z)
	w, h := b.X-a.X+1, b.Y-a.Y+1
	if w <= 0 || h <= 0 || w*h > maxCover {
		return 0, errZoom
	}
	tiles := make([]Tile, 0, w*h)
	for y := a.Y; y <= b.Y; y++ {
		for x := a.X; x <= b.X; x++ {
			tiles = append(tiles, Tile{x / 2, y / 2, z - 1})
		}
	}
	n := 0
	for i, t := range tiles {
		dup := false
		for _, u := range tiles[:i] {
			if u == t {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n, nil
}

// Children returns the four child tiles of t, a new slice for the caller to keep.
func Children(t Tile, levels int) []Tile {
	if levels < 1 || levels > 4 {
		return nil
	}
	side := 1 << levels
	out := make([]Tile, 0, side*side)
	for dy := 0; dy < side; dy++ {
		for dx := 0; dx < side; dx++ {
			out = append(out, Tile{t.X*side + dx, t.Y*side + dy, t.Z + levels})
		}
	}
	return out
}

// Package tiles holds tile maps and the scans games run over them.
package tiles

import "errors"

const (
	MaxW = 64
	MaxH = 64
)

var errSize = errors.New("tiles: bad size")

// Grid is a w×h tile map, row-major.
type Grid struct {
	w, h  int
	cells []uint8
}

// New makes an empty map of w×h tiles.
func New(w, h int) (*Grid, error) {
	if w <= 0 || h <= 0 || w > MaxW || h > MaxH {
		return nil, errSize
	}
	return &Grid{w: w, h: h, cells: make([]uint8, w*h)}, nil
}

func (g *Grid) Set(x, y int, v uint8) { g.cells[y*g.w+x] = v }

func (g *Grid) At(x, y int) uint8 { return g.cells[y*g.w+x] }

// FloodFill paints the 4-connected region of (x, y) with to and returns its size.
func (g *Grid) FloodFill(x, y int, to uint8) int {
	from := g.At(x, y)
	if from == to {
		return 0
	}
	visited := make([]bool, g.w*g.h)
	stack := make([]int32, 0, g.w*g.h)
	push := func(i int) {
		if !visited[i] && g.cells[i] == from {
			visited[i] = true
			stack = append(stack, int32(i))
		}
	}
	push(y*g.w + x)
	n := 0
	for len(stack) > 0 {
		i := int(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
		g.cells[i] = to
		n++
		cx, cy := i%g.w, i/g.w
		if cx > 0 {
			push(i - 1)
		}
		if cx < g.w-1 {
			push(i + 1)
		}
		if cy > 0 {
			push(i - g.w)
		}
		if cy < g.h-1 {
			push(i + g.w)
		}
	}
	return n
}

// Regions counts the 4-connected regions of equal tiles.
func Regions(g *Grid) int {
	labels := make([]int16, len(g.cells))
	next := int16(0)
	for i := range g.cells {
		if labels[i] != 0 {
			continue
		}
		next++
		labels[i] = next
		for j := i + 1; j < len(g.cells) && j%g.w != 0 && g.cells[j] == g.cells[i]; j++ {
			labels[j] = next
		}
	}
	return int(next)
}

// RowRuns is a value-receiver scan: the longest run of equal tiles per row, summed.
func (g Grid) RowRuns() int {
	best := make([]int, g.h)
	for y := 0; y < g.h; y++ {
		run := 1
		for x := 1; x < g.w; x++ {
			if g.cells[y*g.w+x] == g.cells[y*g.w+x-1] {
				run++
				best[y] = max(best[y], run)
			} else {
				run = 1
			}
		}
	}
	total := 0
	for _, b := range best {
		total += b
	}
	return total
}

// Transpose flips a square map over its diagonal in place.
func (g *Grid) Transpose() bool {
	if g.w != g.h {
		return false
	}
	tmp := make([]uint8, len(g.cells))
	copy(tmp, g.cells)
	for y := 0; y < g.h; y++ {
		for x := 0; x < g.w; x++ {
			g.cells[x*g.w+y] = tmp[y*g.w+x]
		}
	}
	return true
}

// Crop copies a window into a new map.
func (g *Grid) Crop(x0, y0, w, h int) (*Grid, error) {
	out, err := New(w, h)
	if err != nil {
		return nil, err
	}
	for y := 0; y < h; y++ {
		copy(out.cells[y*w:(y+1)*w], g.cells[(y0+y)*g.w+x0:])
	}
	return out, nil
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// LineOfSight walks a Bresenham line and reports whether no tile on it is a wall.
func (g *Grid) LineOfSight(x0, y0, x1, y1 int, wall uint8) bool {
	n := max(abs(x1-x0), abs(y1-y0)) + 1
	if n > MaxW+MaxH {
		return false
	}
	pts := make([]int, 0, n)
	dx, dy := abs(x1-x0), -abs(y1-y0)
	sx, sy := 1, 1
	if x0 > x1 {
		sx = -1
	}
	if y0 > y1 {
		sy = -1
	}
	e := dx + dy
	for {
		pts = append(pts, y0*g.w+x0)
		if x0 == x1 && y0 == y1 {
			break
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			x0 += sx
		}
		if e2 <= dx {
			e += dx
			y0 += sy
		}
	}
	for _, p := range pts {
		if g.cells[p] == wall {
			return false
		}
	}
	return true
}

// HeightMap builds a sampled height field of a chunk; high detail doubles it.
func HeightMap(seed uint32, hi bool) uint32 {
	w, h := ChunkSize, ChunkSize
	if hi {
		w, h = 2*ChunkSize, 2*ChunkSize
	}
	field := make([]uint32, w*h)
	s := seed
	for i := range field {
		s = s*1664525 + 1013904223
		field[i] = s >> 16
	}
	var sum uint32
	for _, v := range field {
		sum += v
	}
	return sum
}

const ChunkSize = 16

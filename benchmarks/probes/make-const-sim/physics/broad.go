package physics

import (
	"errors"
	"sort"
)

// AABB is an axis-aligned box.
type AABB struct{ MinX, MinY, MaxX, MaxY float32 }

const maxCells = 32

var errGrid = errors.New("physics: grid too large")

// Grid is a uniform broad-phase grid.
type Grid struct {
	cols, rows int
	cell       float32
}

// NewGrid checks the cell counts once.
func NewGrid(cols, rows int, cell float32) (Grid, error) {
	if cols <= 0 || rows <= 0 || cols > maxCells || rows > maxCells {
		return Grid{}, errGrid
	}
	return Grid{cols: cols, rows: rows, cell: cell}, nil
}

// Occupancy counts boxes per cell and returns the fullest cell's count.
func (g Grid) Occupancy(boxes []AABB) int {
	counts := make([]int32, g.cols*g.rows)
	for _, b := range boxes {
		cx := min(max(int(b.MinX/g.cell), 0), g.cols-1)
		cy := min(max(int(b.MinY/g.cell), 0), g.rows-1)
		counts[cy*g.cols+cx]++
	}
	most := int32(0)
	for _, c := range counts {
		most = max(most, c)
	}
	return int(most)
}

// Columns buckets boxes by column only.
func (g Grid) Columns(boxes []AABB) int {
	heads := make([]int16, g.cols)
	for i := range heads {
		heads[i] = -1
	}
	for i, b := range boxes {
		cx := min(max(int(b.MinX/g.cell), 0), g.cols-1)
		heads[cx] = int16(i)
	}
	used := 0
	for _, h := range heads {
		if h >= 0 {
			used++
		}
	}
	return used
}

// Sweep sorts box indexes by MinX and counts overlapping pairs.
func Sweep(boxes []AABB) int {
	idx := make([]int, len(boxes))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return boxes[idx[a]].MinX < boxes[idx[b]].MinX })
	pairs := 0
	for i := range idx {
		for j := i + 1; j < len(idx) && boxes[idx[j]].MinX <= boxes[idx[i]].MaxX; j++ {
			pairs++
		}
	}
	return pairs
}

// Nearby collects the hits among a fixed batch of 16 candidates, the first n of them.
func Nearby(a AABB, batch *[16]AABB, n int) int {
	n = min(n, len(batch))
	hits := make([]int, 0, n)
	for i := 0; i < n; i++ {
		b := batch[i]
		if a.MinX <= b.MaxX && b.MinX <= a.MaxX && a.MinY <= b.MaxY && b.MinY <= a.MaxY {
			hits = append(hits, i)
		}
	}
	return len(hits)
}

// Pairs finds overlapping pairs among at most 64 boxes, the pair list sized n*(n-1)/2.
func Pairs(boxes []AABB) int {
	n := len(boxes)
	if n > 64 {
		return -1
	}
	pairs := make([][2]uint8, 0, n*(n-1)/2)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := boxes[i], boxes[j]
			if a.MinX <= b.MaxX && b.MinX <= a.MaxX && a.MinY <= b.MaxY && b.MinY <= a.MaxY {
				pairs = append(pairs, [2]uint8{uint8(i), uint8(j)})
			}
		}
	}
	return len(pairs)
}

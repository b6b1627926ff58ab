package world

import "example.com/probes/mixed-gameserver/limits"

// Grid buckets entity indexes by cell; a cell keeps at most CellCap, the rest spill to a list.
type Grid struct {
	cells  [limits.GridH][limits.GridW][limits.CellCap]int32
	counts [limits.GridH][limits.GridW]uint8
	spill  []int32
}

func cellOf(p Vec) (int, int) {
	cx := min(max(int(p.X)/limits.CellSize, 0), limits.GridW-1)
	cy := min(max(int(p.Y)/limits.CellSize, 0), limits.GridH-1)
	return cx, cy
}

// Reset empties the grid, keeping its storage.
func (g *Grid) Reset() {
	g.counts = [limits.GridH][limits.GridW]uint8{}
	g.spill = g.spill[:0]
}

// Insert files entity i at p.
func (g *Grid) Insert(i int32, p Vec) {
	cx, cy := cellOf(p)
	n := g.counts[cy][cx]
	if n == limits.CellCap {
		g.spill = append(g.spill, i)
		return
	}
	g.cells[cy][cx][n] = i
	g.counts[cy][cx] = n + 1
}

// Build fills the grid from ents.
func (g *Grid) Build(ents []Entity) {
	g.Reset()
	for i := range ents {
		g.Insert(int32(i), ents[i].Pos)
	}
}

// Query appends to dst the entities whose cell is within r cells of p's, spill included.
func (g *Grid) Query(dst []int32, p Vec, r int) []int32 {
	cx, cy := cellOf(p)
	for y := max(cy-r, 0); y <= min(cy+r, limits.GridH-1); y++ {
		for x := max(cx-r, 0); x <= min(cx+r, limits.GridW-1); x++ {
			dst = append(dst, g.cells[y][x][:g.counts[y][x]]...)
		}
	}
	return append(dst, g.spill...)
}

// CountNear counts the entities within radius of p.
func (g *Grid) CountNear(ents []Entity, p Vec, radius float32) int {
	r := int(radius)/limits.CellSize + 1
	near := g.Query(make([]int32, 0, limits.CellCap*9), p, min(r, 1))
	n := 0
	for _, i := range near {
		if ents[i].Pos.Dist2(p) <= radius*radius {
			n++
		}
	}
	return n
}

// Occupancy returns how many cells hold n entities, for n in 0..CellCap.
func (g *Grid) Occupancy() [limits.CellCap + 1]int {
	var hist [limits.CellCap + 1]int
	for y := range g.counts {
		for x := range g.counts[y] {
			hist[g.counts[y][x]]++
		}
	}
	return hist
}

// Crowded lists the cells holding more than threshold entities, at most MaxEvents of them.
func (g *Grid) Crowded(threshold int) [][2]int {
	n := 0
	for y := range g.counts {
		for x := range g.counts[y] {
			if int(g.counts[y][x]) > threshold {
				n++
			}
		}
	}
	out := make([][2]int, 0, min(n, limits.MaxEvents))
	for y := range g.counts {
		for x := range g.counts[y] {
			if int(g.counts[y][x]) > threshold && len(out) < limits.MaxEvents {
				out = append(out, [2]int{x, y})
			}
		}
	}
	return out
}

// CrowdedCount counts the cells holding more than threshold entities, at most MaxEvents.
func (g *Grid) CrowdedCount(threshold int) int {
	n := 0
	for y := range g.counts {
		for x := range g.counts[y] {
			if int(g.counts[y][x]) > threshold {
				n++
			}
		}
	}
	cells := make([][2]int, 0, min(n, limits.MaxEvents))
	for y := range g.counts {
		for x := range g.counts[y] {
			if int(g.counts[y][x]) > threshold && len(cells) < cap(cells) {
				cells = append(cells, [2]int{x, y})
			}
		}
	}
	return len(cells)
}

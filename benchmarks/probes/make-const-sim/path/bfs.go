// Package path finds routes over walkable tile maps.
package path

import (
	"errors"
	"strconv"
)

// MaxSide bounds each side of a walkable map.
const MaxSide = 48

// MaxPath is the longest route the AI follows.
const MaxPath = 256

var errMap = errors.New("path: bad map")

// Map is a walkability mask.
type Map struct {
	w, h  int
	walls []bool
}

// NewMap checks the size once; every method trusts it.
func NewMap(w, h int) (Map, error) {
	if w < 1 || h < 1 || w > MaxSide || h > MaxSide {
		return Map{}, errMap
	}
	return Map{w: w, h: h, walls: make([]bool, w*h)}, nil
}

func (m Map) Block(x, y int) { m.walls[y*m.w+x] = true }

// Distance is a BFS over the map from start to goal (tile indexes); -1 when unreachable.
func (m Map) Distance(start, goal int) int {
	dist := make([]int16, m.w*m.h)
	for i := range dist {
		dist[i] = -1
	}
	queue := make([]int32, 0, m.w*m.h)
	dist[start] = 0
	queue = append(queue, int32(start))
	for head := 0; head < len(queue); head++ {
		i := int(queue[head])
		if i == goal {
			return int(dist[i])
		}
		x, y := i%m.w, i/m.w
		for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			nx, ny := x+d[0], y+d[1]
			if nx < 0 || ny < 0 || nx >= m.w || ny >= m.h {
				continue
			}
			j := ny*m.w + nx
			if m.walls[j] || dist[j] >= 0 {
				continue
			}
			dist[j] = dist[i] + 1
			queue = append(queue, int32(j))
		}
	}
	return -1
}

// MultiSource seeds a BFS frontier with up to 8 spawn points and returns the
// number of tiles reached in one step.
func (m Map) MultiSource(starts []int) int {
	if len(starts) > 8 {
		return -1
	}
	frontier := make([]int, 0, 4*len(starts))
	for _, s := range starts {
		x, y := s%m.w, s/m.w
		if x > 0 && !m.walls[s-1] {
			frontier = append(frontier, s-1)
		}
		if x < m.w-1 && !m.walls[s+1] {
			frontier = append(frontier, s+1)
		}
		if y > 0 && !m.walls[s-m.w] {
			frontier = append(frontier, s-m.w)
		}
		if y < m.h-1 && !m.walls[s+m.w] {
			frontier = append(frontier, s+m.w)
		}
	}
	return len(frontier)
}

// Neighbours returns the open neighbours of a tile: the slice is the caller's.
func (m Map) Neighbours(i int) []int {
	out := make([]int, 0, 4)
	x, y := i%m.w, i/m.w
	if x > 0 && !m.walls[i-1] {
		out = append(out, i-1)
	}
	if y > 0 && !m.walls[i-m.w] {
		out = append(out, i-m.w)
	}
	return out
}

// RouteCost walks prev back from goal and sums the step costs in travel order.
func RouteCost(prev []int32, cost []uint8, start, goal int) int {
	steps := 0
	for at := goal; at != start; at = int(prev[at]) {
		steps++
		if steps > MaxPath {
			return -1
		}
	}
	route := make([]int32, 0, steps)
	for at := goal; at != start; at = int(prev[at]) {
		route = append(route, int32(at))
	}
	total := 0
	for i := len(route) - 1; i >= 0; i-- {
		total += int(cost[route[i]])
	}
	return total
}

// Describe renders a route for the debug overlay.
func Describe(route []int) string {
	b := make([]byte, 0, 4*len(route))
	for i, r := range route {
		if i > 0 {
			b = append(b, '>')
		}
		b = strconv.AppendInt(b, int64(r), 10)
	}
	return string(b)
}

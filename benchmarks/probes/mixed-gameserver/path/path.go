// Package path finds routes on the walkability grid.
package path

import (
	"container/heap"

	"example.com/probes/mixed-gameserver/limits"
)

// Point is a grid cell.
type Point struct{ X, Y int }

// Walkable reports whether a cell can be entered.
type Walkable func(p Point) bool

type node struct {
	at   Point
	g, f int
	idx  int
}

type openSet []*node

func (o openSet) Len() int           { return len(o) }
func (o openSet) Less(i, j int) bool { return o[i].f < o[j].f }
func (o openSet) Swap(i, j int)      { o[i], o[j] = o[j], o[i]; o[i].idx = i; o[j].idx = j }
func (o *openSet) Push(x any)        { n := x.(*node); n.idx = len(*o); *o = append(*o, n) }
func (o *openSet) Pop() any {
	old := *o
	n := old[len(old)-1]
	*o = old[:len(old)-1]
	return n
}

func abs(x int) int { return max(x, -x) }

func heuristic(a, b Point) int { return abs(a.X-b.X) + abs(a.Y-b.Y) }

func inGrid(p Point) bool { return p.X >= 0 && p.Y >= 0 && p.X < limits.GridW && p.Y < limits.GridH }

var dirs = [4]Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}

// Find returns the path from a to b, nil when there is none within MaxNodes expansions.
func Find(a, b Point, ok Walkable) []Point {
	var came [limits.GridH][limits.GridW]Point
	var cost [limits.GridH][limits.GridW]int
	for y := range cost {
		for x := range cost[y] {
			cost[y][x] = -1
		}
	}
	nodes := make([]node, 0, limits.MaxNodes)
	open := make(openSet, 0, limits.MaxNodes)
	nodes = append(nodes, node{at: a, f: heuristic(a, b)})
	heap.Push(&open, &nodes[0])
	cost[a.Y][a.X] = 0
	for open.Len() > 0 {
		cur := heap.Pop(&open).(*node)
		if cur.at == b {
			var out []Point
			for p := b; p != a; p = came[p.Y][p.X] {
				out = append(out, p)
			}
			out = append(out, a)
			for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
				out[i], out[j] = out[j], out[i]
			}
			return out
		}
		for _, d := range dirs {
			nb := Point{cur.at.X + d.X, cur.at.Y + d.Y}
			if !inGrid(nb) || !ok(nb) {
				continue
			}
			g := cur.g + 1
			if c := cost[nb.Y][nb.X]; c >= 0 && c <= g {
				continue
			}
			if len(nodes) == limits.MaxNodes {
				return nil
			}
			cost[nb.Y][nb.X] = g
			came[nb.Y][nb.X] = cur.at
			nodes = append(nodes, node{at: nb, g: g, f: g + heuristic(nb, b)})
			heap.Push(&open, &nodes[len(nodes)-1])
		}
	}
	return nil
}

// Reachable counts the cells reachable from a by breadth-first search, stopping at MaxNodes.
func Reachable(a Point, ok Walkable) int {
	var seen [limits.GridH][limits.GridW]bool
	queue := make([]Point, 0, limits.MaxNodes)
	queue = append(queue, a)
	seen[a.Y][a.X] = true
	for head := 0; head < len(queue); head++ {
		cur := queue[head]
		for _, d := range dirs {
			nb := Point{cur.X + d.X, cur.Y + d.Y}
			if inGrid(nb) && !seen[nb.Y][nb.X] && ok(nb) && len(queue) < limits.MaxNodes {
				seen[nb.Y][nb.X] = true
				queue = append(queue, nb)
			}
		}
	}
	return len(queue)
}

// Smooth drops the waypoints that lie on a straight line, at most MaxNodes of them kept.
func Smooth(route []Point) int {
	n := min(len(route), limits.MaxNodes)
	kept := make([]Point, 0, n)
	for i := 0; i < n; i++ {
		if i > 0 && i < n-1 {
			a, b, c := route[i-1], route[i], route[i+1]
			if (b.X-a.X)*(c.Y-b.Y) == (b.Y-a.Y)*(c.X-b.X) {
				continue
			}
		}
		kept = append(kept, route[i])
	}
	return len(kept)
}

// Waypoints returns the route's turning points; the caller keeps them.
func Waypoints(route []Point) []Point {
	n := min(len(route), limits.MaxNodes)
	out := make([]Point, 0, n)
	for i := 0; i < n; i++ {
		if i == 0 || i == n-1 || route[i-1].X != route[i+1].X && route[i-1].Y != route[i+1].Y {
			out = append(out, route[i])
		}
	}
	return out
}

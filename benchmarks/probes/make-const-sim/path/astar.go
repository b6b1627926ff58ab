package path

type node struct {
	f, g int32
	at   int32
}

// AStar finds the cost of the shortest path with a Manhattan heuristic.
func AStar(m *Map, start, goal int) int {
	closed := make([]bool, m.w*m.h)
	open := make([]node, 0, m.w+m.h)
	gx, gy := goal%m.w, goal/m.w
	h := func(i int) int32 {
		x, y := i%m.w, i/m.w
		return int32(iabs(x-gx) + iabs(y-gy))
	}
	open = append(open, node{f: h(start), at: int32(start)})
	for len(open) > 0 {
		best := 0
		for k := range open {
			if open[k].f < open[best].f {
				best = k
			}
		}
		n := open[best]
		open[best] = open[len(open)-1]
		open = open[:len(open)-1]
		if int(n.at) == goal {
			return int(n.g)
		}
		if closed[n.at] {
			continue
		}
		closed[n.at] = true
		x, y := int(n.at)%m.w, int(n.at)/m.w
		for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			nx, ny := x+d[0], y+d[1]
			if nx < 0 || ny < 0 || nx >= m.w || ny >= m.h {
				continue
			}
			j := ny*m.w + nx
			if m.walls[j] || closed[j] {
				continue
			}
			open = append(open, node{f: n.g + 1 + h(j), g: n.g + 1, at: int32(j)})
		}
	}
	return -1
}

func iabs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Smooth drops waypoints that lie on a straight run; the route is at most MaxPath long.
func Smooth(route []int, w int) int {
	n := len(route)
	if n > MaxPath {
		route = route[:MaxPath]
		n = MaxPath
	}
	keep := make([]int, 0, n)
	for i, r := range route {
		if i == 0 || i == n-1 {
			keep = append(keep, r)
			continue
		}
		a, b := route[i-1], route[i+1]
		if b-r != r-a {
			keep = append(keep, r)
		}
	}
	return len(keep)
}

// HashGrid rounds the bucket count of a spatial hash up to a power of two.
func HashGrid(ids []int32, want int) int {
	if want > 1000 {
		want = 1000
	}
	size := 1
	for size < want {
		size <<= 1
	}
	buckets := make([]int32, size)
	for _, id := range ids {
		buckets[int(id)&(size-1)]++
	}
	most := int32(0)
	for _, b := range buckets {
		most = max(most, b)
	}
	return int(most)
}

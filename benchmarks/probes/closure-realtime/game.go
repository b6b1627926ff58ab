package realtime

import (
	"context"
	"image"
	"image/color"
	"math"
	"runtime"
	"slices"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Entity is one simulated object.
type Entity struct {
	ID     int
	X, Y   float64
	VX, VY float64
	HP     int
}

// World is the game state, split into shards updated in parallel.
type World struct {
	Shards [][]Entity
	Tick   int
}

// Step advances every shard by dt in parallel and returns how many entities
// are still alive, counted after the wait.
func (w *World) Step(dt float64) int {
	gravity := 9.8
	bounds := 100.0
	alive := make([]int, len(w.Shards))
	var wg sync.WaitGroup
	for i := range w.Shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			shard := w.Shards[i]
			for j := range shard {
				e := &shard[j]
				e.VY -= gravity * dt
				e.X += e.VX * dt
				e.Y += e.VY * dt
				if e.Y < 0 || math.Abs(e.X) > bounds {
					e.HP = 0
				}
				if e.HP > 0 {
					alive[i]++
				}
			}
		}()
	}
	wg.Wait()
	w.Tick++
	total := 0
	for _, n := range alive {
		total += n
	}
	gravity = 0
	return total
}

// Collide checks shards for collisions with errgroup and a limit, writing
// each shard's hits by index.
func (w *World) Collide(radius float64) ([]int, error) {
	hits := make([]int, len(w.Shards))
	r2 := radius * radius
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, shard := range w.Shards {
		g.Go(func() error {
			n := 0
			for a := range shard {
				for b := a + 1; b < len(shard); b++ {
					dx, dy := shard[a].X-shard[b].X, shard[a].Y-shard[b].Y
					if dx*dx+dy*dy < r2 {
						n++
					}
				}
			}
			hits[i] = n
			return nil
		})
	}
	err := g.Wait()
	r2 = 0
	return hits, err
}

// Leaderboard sorts entities by HP then ID with a captured direction.
func Leaderboard(es []Entity, desc bool) []int {
	ids := make([]int, len(es))
	slices.SortFunc(es, func(a, b Entity) int {
		if a.HP != b.HP {
			if desc {
				return b.HP - a.HP
			}
			return a.HP - b.HP
		}
		return a.ID - b.ID
	})
	for i, e := range es {
		ids[i] = e.ID
	}
	desc = !desc
	return ids
}

// FindByID finds an entity by ID with slices.IndexFunc.
func FindByID(es []Entity, id int) int {
	return slices.IndexFunc(es, func(e Entity) bool { return e.ID == id })
}

// Tile is one rendered image tile.
type Tile struct {
	Img *image.RGBA
	Z   int
}

// RenderTile renders a tile, one goroutine per row band, each writing its own
// rows of the image.
func RenderTile(size, z int, shade func(x, y, z int) uint8) *Tile {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	bands := runtime.GOMAXPROCS(0)
	if bands > size {
		bands = size
	}
	step := (size + bands - 1) / bands
	alpha := uint8(255)
	var wg sync.WaitGroup
	for y0 := 0; y0 < size; y0 += step {
		y1 := min(y0+step, size)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := y0; y < y1; y++ {
				for x := 0; x < size; x++ {
					v := shade(x, y, z)
					img.SetRGBA(x, y, color.RGBA{R: v, G: v, B: v, A: alpha})
				}
			}
		}()
	}
	wg.Wait()
	alpha = 0
	return &Tile{Img: img, Z: z}
}

// Graph is an adjacency list.
type Graph [][]int

// BFSLevels explores the graph level by level, expanding each frontier in
// parallel and merging after the wait.
func BFSLevels(g Graph, start int) []int {
	depth := make([]int, len(g))
	for i := range depth {
		depth[i] = -1
	}
	depth[start] = 0
	frontier := []int{start}
	level := 0
	for len(frontier) > 0 {
		parts := make([][]int, len(frontier))
		var wg sync.WaitGroup
		for i, v := range frontier {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, u := range g[v] {
					if depth[u] == -1 {
						parts[i] = append(parts[i], u)
					}
				}
			}()
		}
		wg.Wait()
		level++
		var next []int
		for _, p := range parts {
			for _, u := range p {
				if depth[u] == -1 {
					depth[u] = level
					next = append(next, u)
				}
			}
		}
		frontier = next
	}
	return depth
}

// ShardStats summarises a world with errgroup.WithContext, each goroutine
// writing one field of the result.
type ShardStats struct {
	Entities int
	MaxHP    int
	Spread   float64
}

// Stats computes the three figures concurrently.
func (w *World) Stats(ctx context.Context) (ShardStats, error) {
	var st ShardStats
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		for _, s := range w.Shards {
			st.Entities += len(s)
		}
		return ctx.Err()
	})
	g.Go(func() error {
		for _, s := range w.Shards {
			for _, e := range s {
				st.MaxHP = max(st.MaxHP, e.HP)
			}
		}
		return nil
	})
	g.Go(func() error {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, s := range w.Shards {
			for _, e := range s {
				lo, hi = math.Min(lo, e.X), math.Max(hi, e.X)
			}
		}
		if hi >= lo {
			st.Spread = hi - lo
		}
		return nil
	})
	err := g.Wait()
	return st, err
}

package compute

import (
	"sync"
)

// Grid is a toroidal Game of Life board.
type Grid struct {
	W, H  int
	Cells []bool
}

// NewGrid makes an empty w x h board.
func NewGrid(w, h int) *Grid { return &Grid{W: w, H: h, Cells: make([]bool, w*h)} }

func (g *Grid) alive(x, y int) bool {
	x = (x + g.W) % g.W
	y = (y + g.H) % g.H
	return g.Cells[y*g.W+x]
}

func (g *Grid) nextRow(dst *Grid, y int) {
	for x := 0; x < g.W; x++ {
		n := 0
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if (dx != 0 || dy != 0) && g.alive(x+dx, y+dy) {
					n++
				}
			}
		}
		dst.Cells[y*g.W+x] = n == 3 || (n == 2 && g.alive(x, y))
	}
}

// Life runs gens generations with one goroutine per band of rows each generation,
// swapping the boards after every wait.
func Life(g *Grid, gens, bands int) *Grid {
	cur, next := g, NewGrid(g.W, g.H)
	rows := (g.H + bands - 1) / bands
	for gen := 0; gen < gens; gen++ {
		var wg sync.WaitGroup
		for lo := 0; lo < g.H; lo += rows {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for y := lo; y < min(lo+rows, g.H); y++ {
					cur.nextRow(next, y)
				}
			}()
		}
		wg.Wait()
		cur, next = next, cur
	}
	return cur
}

// LifeWorkers keeps bands long-lived workers and steps them in lock-step: each generation
// they compute their rows, then meet at a barrier built on a sync.Cond before the swap.
func LifeWorkers(g *Grid, gens, workers int) *Grid {
	cur, next := g, NewGrid(g.W, g.H)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	arrived, phase := 0, 0
	barrier := func(last func()) {
		mu.Lock()
		p := phase
		arrived++
		if arrived == workers {
			last()
			arrived = 0
			phase++
			cond.Broadcast()
		} else {
			for p == phase {
				cond.Wait()
			}
		}
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for gen := 0; gen < gens; gen++ {
				for y := w; y < g.H; y += workers {
					cur.nextRow(next, y)
				}
				barrier(func() { cur, next = next, cur })
			}
		}()
	}
	wg.Wait()
	return cur
}

// Rule1D runs an elementary cellular automaton, halves of the row computed by two
// goroutines per generation; the row is replaced after both finish.
func Rule1D(rule uint8, cells []byte, gens int) []byte {
	n := len(cells)
	row := cells
	for gen := 0; gen < gens; gen++ {
		out := make([]byte, n)
		var wg sync.WaitGroup
		for _, half := range [2][2]int{{0, n / 2}, {n / 2, n}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := half[0]; i < half[1]; i++ {
					l, c, r := row[(i+n-1)%n], row[i], row[(i+1)%n]
					out[i] = (rule >> (l<<2 | c<<1 | r)) & 1
				}
			}()
		}
		wg.Wait()
		row = out
	}
	return row
}

// Population counts live cells per band and returns the total, gathering band counts
// over a channel; the generation number is advanced after the receive loop.
func Population(g *Grid, bands int, gen int) (int, int) {
	counts := make(chan int)
	rows := (g.H + bands - 1) / bands
	for lo := 0; lo < g.H; lo += rows {
		go func() {
			n := 0
			for y := lo; y < min(lo+rows, g.H); y++ {
				for x := 0; x < g.W; x++ {
					if g.Cells[y*g.W+x] {
						n++
					}
				}
			}
			if gen%100 == 0 {
				n = -n
			}
			counts <- n
		}()
	}
	total := 0
	for lo := 0; lo < g.H; lo += rows {
		total += <-counts
	}
	gen++
	return total, gen
}

// Sandpile topples an abelian sandpile until stable, bands in parallel, alternating
// between two buffers; a band reports whether anything toppled.
func Sandpile(h []int, w, bands int) int {
	rows := len(h) / w
	per := (rows + bands - 1) / bands
	src, dst := h, make([]int, len(h))
	sweeps := 0
	for {
		changed := make([]bool, bands)
		var wg sync.WaitGroup
		for b := 0; b < bands; b++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for y := b * per; y < min((b+1)*per, rows); y++ {
					for x := 0; x < w; x++ {
						v := src[y*w+x] % 4
						if src[y*w+x] >= 4 {
							changed[b] = true
						}
						for _, d := range [4][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
							nx, ny := x+d[0], y+d[1]
							if nx >= 0 && nx < w && ny >= 0 && ny < rows {
								v += src[ny*w+nx] / 4
							}
						}
						dst[y*w+x] = v
					}
				}
			}()
		}
		wg.Wait()
		src, dst = dst, src
		sweeps++
		any := false
		for _, c := range changed {
			any = any || c
		}
		if !any {
			copy(h, src)
			return sweeps
		}
	}
}

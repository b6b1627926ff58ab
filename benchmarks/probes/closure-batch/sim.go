package batch

import (
	"math"
	"strings"
	"sync"
)

// Particle is one body of the simulation.
type Particle struct {
	X, Y, VX, VY float64
}

// Step advances every particle by dt in parallel chunks for ticks ticks; dt is
// damped after each tick, once all chunks are done.
func Step(ps []Particle, dt float64, ticks, workers int) float64 {
	if workers < 1 {
		workers = 1
	}
	chunk := (len(ps) + workers - 1) / workers
	for range ticks {
		var wg sync.WaitGroup
		for lo := 0; lo < len(ps); lo += chunk {
			hi := min(lo+chunk, len(ps))
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					p := &ps[i]
					p.X += p.VX * dt
					p.Y += p.VY * dt
				}
			}()
		}
		wg.Wait()
		dt *= 0.99
	}
	return dt
}

// Energy sums kinetic energy through per-worker partial sums written by index.
func Energy(ps []Particle, mass float64) float64 {
	mass = math.Abs(mass)
	const workers = 4
	var parts [workers]float64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ps); i += workers {
				v2 := ps[i].VX*ps[i].VX + ps[i].VY*ps[i].VY
				parts[w] += 0.5 * mass * v2
			}
		}()
	}
	wg.Wait()
	s := 0.0
	for _, p := range parts {
		s += p
	}
	return s
}

// Crawl visits a link graph breadth-first, one goroutine per link, keeping a
// visited set under a mutex; depth counts down per level.
func Crawl(start string, links map[string][]string, depth int) []string {
	var mu sync.Mutex
	visited := map[string]bool{start: true}
	order := []string{start}
	frontier := []string{start}
	for depth > 0 && len(frontier) > 0 {
		var next []string
		var wg sync.WaitGroup
		for _, u := range frontier {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, v := range links[u] {
					mu.Lock()
					if !visited[v] {
						visited[v] = true
						next = append(next, v)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		order = append(order, next...)
		frontier = next
		depth--
	}
	return order
}

// Normalize lower-cases words concurrently and writes them back in place; the
// replacer is built from the options after they are defaulted.
func Normalize(words []string, trim string) []string {
	if trim == "" {
		trim = " \t"
	}
	var wg sync.WaitGroup
	wg.Add(len(words))
	for i := range words {
		go func() {
			defer wg.Done()
			words[i] = strings.ToLower(strings.Trim(words[i], trim))
		}()
	}
	wg.Wait()
	return words
}

// Grid runs a cellular automaton; each tick computes rows in parallel into the
// next buffer, then swaps them. cur and next are reassigned by the swap.
func Grid(cells [][]bool, ticks int) [][]bool {
	cur := cells
	next := make([][]bool, len(cells))
	for i := range next {
		next[i] = make([]bool, len(cells[i]))
	}
	for range ticks {
		var wg sync.WaitGroup
		for r := range cur {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := range cur[r] {
					n := 0
					for _, d := range [3]int{-1, 0, 1} {
						rr := r + d
						if rr >= 0 && rr < len(cur) && cur[rr][c] {
							n++
						}
					}
					next[r][c] = n == 2 || n == 3
				}
			}()
		}
		wg.Wait()
		cur, next = next, cur
	}
	return cur
}

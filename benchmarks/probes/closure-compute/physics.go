package compute

import (
	"context"
	"math"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Particle is a point mass.
type Particle struct {
	X, Y, VX, VY, M float64
}

// Params hold the simulation constants.
type Params struct {
	G, Soft, Dt float64
	Workers     int
}

func (p *Params) validate() {
	if p.Soft == 0 {
		p.Soft = 1e-3
	}
	if p.Dt == 0 {
		p.Dt = 0.01
	}
	if p.Workers <= 0 {
		p.Workers = 4
	}
}

// Forces computes accelerations for every particle, workers striding over the bodies.
func Forces(ps []Particle, ax, ay []float64, params Params) {
	params.validate()
	var wg sync.WaitGroup
	for w := 0; w < params.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(ps); i += params.Workers {
				fx, fy := 0.0, 0.0
				for j := range ps {
					if i == j {
						continue
					}
					dx, dy := ps[j].X-ps[i].X, ps[j].Y-ps[i].Y
					d2 := dx*dx + dy*dy + params.Soft*params.Soft
					inv := params.G * ps[j].M / (d2 * math.Sqrt(d2))
					fx += dx * inv
					fy += dy * inv
				}
				ax[i], ay[i] = fx, fy
			}
		}()
	}
	wg.Wait()
}

// Simulate integrates steps time steps, forces in parallel and positions after the wait;
// the clock advances by dt every step.
func Simulate(ps []Particle, steps int, dt, g float64) float64 {
	ax, ay := make([]float64, len(ps)), make([]float64, len(ps))
	t := 0.0
	for s := 0; s < steps; s++ {
		var wg sync.WaitGroup
		for i := range ps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fx, fy := 0.0, 0.0
				for j := range ps {
					if j != i {
						dx, dy := ps[j].X-ps[i].X, ps[j].Y-ps[i].Y
						d := math.Sqrt(dx*dx+dy*dy) + 1e-3
						fx += g * ps[j].M * dx / (d * d * d)
						fy += g * ps[j].M * dy / (d * d * d)
					}
				}
				ax[i], ay[i] = fx, fy
			}()
		}
		wg.Wait()
		for i := range ps {
			ps[i].VX += ax[i] * dt
			ps[i].VY += ay[i] * dt
			ps[i].X += ps[i].VX * dt
			ps[i].Y += ps[i].VY * dt
		}
		t += dt
		if t > 1 {
			dt *= 0.5
		}
	}
	return t
}

// Collisions finds pairs closer than radius, a goroutine per cell of a uniform grid,
// bounded by SetLimit; each cell's pairs go in its own slot.
func Collisions(ctx context.Context, ps []Particle, radius float64, cells int) ([][2]int, error) {
	if radius <= 0 {
		radius = 1
	}
	byCell := make([][]int, cells)
	for i, p := range ps {
		c := int(math.Abs(p.X)/radius) % cells
		byCell[c] = append(byCell[c], i)
	}
	pairs := make([][][2]int, cells)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for c, idx := range byCell {
		g.Go(func() error {
			for a := 0; a < len(idx); a++ {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				for b := a + 1; b < len(idx); b++ {
					p, q := ps[idx[a]], ps[idx[b]]
					if math.Hypot(p.X-q.X, p.Y-q.Y) < radius {
						pairs[c] = append(pairs[c], [2]int{idx[a], idx[b]})
					}
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var out [][2]int
	for _, p := range pairs {
		out = append(out, p...)
	}
	return out, nil
}

// Heat runs an explicit 1D heat equation with workers owning fixed segments; every step
// they meet at a channel barrier run by the coordinator, which then swaps the buffers.
func Heat(u []float64, alpha float64, steps, workers int) []float64 {
	n := len(u)
	cur, next := u, make([]float64, n)
	seg := (n + workers - 1) / workers
	for s := 0; s < steps; s++ {
		done := make(chan struct{}, workers)
		for w := 0; w < workers; w++ {
			go func() {
				for i := max(1, w*seg); i < min((w+1)*seg, n-1); i++ {
					next[i] = cur[i] + alpha*(cur[i-1]-2*cur[i]+cur[i+1])
				}
				done <- struct{}{}
			}()
		}
		for w := 0; w < workers; w++ {
			<-done
		}
		next[0], next[n-1] = cur[0], cur[n-1]
		cur, next = next, cur
	}
	return cur
}

// stepAll starts one goroutine per chunk of ps applying f, counted by wg.
func stepAll(wg *sync.WaitGroup, ps []Particle, chunk int, f func([]Particle)) {
	for lo := 0; lo < len(ps); lo += chunk {
		part := ps[lo:min(lo+chunk, len(ps))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(part)
		}()
	}
}

// Drift moves every particle by its velocity over dt in chunks, then damps dt for the
// next call's caller.
func Drift(ps []Particle, dt float64, damping float64) float64 {
	var wg sync.WaitGroup
	stepAll(&wg, ps, 64, func(part []Particle) {
		for i := range part {
			part[i].X += part[i].VX * dt
			part[i].Y += part[i].VY * dt
		}
	})
	wg.Wait()
	dt *= damping
	return dt
}

package drift

import "sync"

// Drift moves every particle by its velocity over dt, chunk by chunk in parallel, and returns the
// step the next call should take: dt is damped only once every chunk has moved.
func Drift(ps []Particle, dt, damping float64) float64 { // want "moved to heap: dt"
	var wg sync.WaitGroup
	eachChunk(&wg, ps, 64, func(part []Particle) { // want "func literal escapes to heap"
		for i := range part {
			part[i].X += part[i].VX * dt
			part[i].Y += part[i].VY * dt
		}
	})
	wg.Wait()
	dt *= damping
	return dt
}

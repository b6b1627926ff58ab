// Package drift moves particles in chunks on goroutines a small helper starts.
package drift

import "sync"

// Particle is a point moving at a constant velocity.
type Particle struct{ X, Y, VX, VY float64 }

// eachChunk starts a goroutine per chunk of ps that calls f on it, each counted by wg before it starts;
// the caller waits.
func eachChunk(wg *sync.WaitGroup, ps []Particle, chunk int, f func([]Particle)) {
	for lo := 0; lo < len(ps); lo += chunk {
		part := ps[lo:min(lo+chunk, len(ps))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(part)
		}()
	}
}

// Package physics steps particles and finds colliding pairs.
package physics

// Vec2 is a 2-D vector.
type Vec2 struct{ X, Y float32 }

// MaxParticles is the emitter's particle budget.
const MaxParticles = 512

// System is a particle emitter.
type System struct {
	ps   []Vec2
	vel  []Vec2
	maxN int
}

// NewSystem makes an emitter for at most n particles, clamped to the budget.
func NewSystem(n int) *System {
	n = min(max(n, 1), MaxParticles)
	return &System{maxN: n}
}

// Spawn adds a particle unless the emitter is full.
func (s *System) Spawn(p, v Vec2) bool {
	if len(s.ps) >= s.maxN {
		return false
	}
	s.ps = append(s.ps, p)
	s.vel = append(s.vel, v)
	return true
}

// Step applies gravity and drag through a force buffer as long as the particles.
func (s *System) Step(dt float32) {
	forces := make([]Vec2, len(s.ps))
	for i, v := range s.vel {
		forces[i] = Vec2{-0.1 * v.X, -9.8 - 0.1*v.Y}
	}
	for i := range s.ps {
		s.vel[i].X += forces[i].X * dt
		s.vel[i].Y += forces[i].Y * dt
		s.ps[i].X += s.vel[i].X * dt
		s.ps[i].Y += s.vel[i].Y * dt
	}
}

// Budget sizes a scratch of the emitter's capacity.
func (s *System) Budget() int {
	ages := make([]uint16, s.maxN)
	for i := range ages {
		ages[i] = uint16(i)
	}
	return len(ages)
}

// Integrate advances matched position and velocity slices with semi-implicit Euler.
func Integrate(pos, vel []Vec2, dt float32) bool {
	if len(pos) != len(vel) || len(pos) > MaxParticles {
		return false
	}
	next := make([]Vec2, len(pos))
	for i := range pos {
		next[i] = Vec2{pos[i].X + vel[i].X*dt, pos[i].Y + vel[i].Y*dt}
	}
	copy(pos, next)
	return true
}

// Relax runs position-based constraint iterations, iters clamped to 1..8.
func Relax(pts []Vec2, iters int) float32 {
	iters = max(1, min(iters, 8))
	errs := make([]float32, iters)
	for k := range errs {
		for i := 1; i < len(pts); i++ {
			d := pts[i].X - pts[i-1].X - 1
			pts[i].X -= d / 2
			pts[i-1].X += d / 2
			errs[k] += d * d
		}
	}
	return errs[len(errs)-1]
}

// Springs measures rest lengths of caller-supplied links.
func Springs(pts []Vec2, links [][2]int) float32 {
	rest := make([]float32, len(links))
	for i, l := range links {
		dx, dy := pts[l[0]].X-pts[l[1]].X, pts[l[0]].Y-pts[l[1]].Y
		rest[i] = dx*dx + dy*dy
	}
	var s float32
	for _, r := range rest {
		s += r
	}
	return s
}

// Trail records the last positions of a particle for the renderer, kept by it.
func Trail(p Vec2, v Vec2, n int) []Vec2 {
	out := make([]Vec2, n)
	for i := range out {
		out[i] = p
		p.X += v.X
		p.Y += v.Y
	}
	return out
}

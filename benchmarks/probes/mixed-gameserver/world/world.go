// Package world holds entities and advances them at a fixed tick rate.
package world

import (
	"math"
	"sort"
	"sync"
	"time"

	"example.com/probes/mixed-gameserver/limits"
)

// Vec is a position or velocity in world units.
type Vec struct{ X, Y float32 }

// Add returns v+o.
func (v Vec) Add(o Vec) Vec { return Vec{v.X + o.X, v.Y + o.Y} }

// Scale returns v*k.
func (v Vec) Scale(k float32) Vec { return Vec{v.X * k, v.Y * k} }

// Dist2 is the squared distance between v and o.
func (v Vec) Dist2(o Vec) float32 {
	dx, dy := v.X-o.X, v.Y-o.Y
	return dx*dx + dy*dy
}

// Entity is anything the simulation moves.
type Entity struct {
	ID     uint32
	Owner  int
	Pos    Vec
	Vel    Vec
	Health int16
	Dirty  bool
}

// Physics are the simulation's tunables.
type Physics struct {
	Friction float32
	MaxSpeed float32
	Bounds   Vec
}

func (p *Physics) normalize() {
	if p.Friction <= 0 || p.Friction > 1 {
		p.Friction = 0.9
	}
	if p.MaxSpeed <= 0 {
		p.MaxSpeed = 10
	}
	if p.Bounds.X <= 0 {
		p.Bounds = Vec{limits.GridW * limits.CellSize, limits.GridH * limits.CellSize}
	}
}

func step(e *Entity, p *Physics, dt float32) {
	e.Vel = e.Vel.Scale(p.Friction)
	if s := e.Vel.Dist2(Vec{}); s > p.MaxSpeed*p.MaxSpeed {
		e.Vel = e.Vel.Scale(p.MaxSpeed / float32(math.Sqrt(float64(s))))
	}
	e.Pos = e.Pos.Add(e.Vel.Scale(dt))
	e.Pos.X = min(max(e.Pos.X, 0), p.Bounds.X-1)
	e.Pos.Y = min(max(e.Pos.Y, 0), p.Bounds.Y-1)
	e.Dirty = true
}

// StepAll advances every entity by dt, splitting the entities across workers.
func StepAll(ents []Entity, phys Physics, dt float32, workers int) {
	phys.normalize()
	if workers < 1 {
		workers = 1
	}
	chunk := (len(ents) + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < len(ents); lo += chunk {
		hi := min(lo+chunk, len(ents))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				step(&ents[i], &phys, dt)
			}
		}()
	}
	wg.Wait()
}

// TickStats is what one tick did.
type TickStats struct {
	Moved   int
	Dead    int
	Elapsed time.Duration
}

// Tick advances entities once, counting the moved and the dead, and stamps the tick afterwards.
func Tick(ents []Entity, phys Physics, now time.Time) TickStats {
	phys.normalize()
	var stats TickStats
	var mu sync.Mutex
	var wg sync.WaitGroup
	half := len(ents) / 2
	for _, part := range [][]Entity{ents[:half], ents[half:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			moved, dead := 0, 0
			for i := range part {
				if part[i].Health <= 0 {
					dead++
					continue
				}
				step(&part[i], &phys, 1.0/limits.TickRate)
				moved++
			}
			mu.Lock()
			stats.Moved += moved
			stats.Dead += dead
			mu.Unlock()
		}()
	}
	wg.Wait()
	stats.Elapsed = time.Since(now)
	return stats
}

// Compact removes dead entities in place, keeping order.
func Compact(ents []Entity) []Entity {
	out := ents[:0]
	for _, e := range ents {
		if e.Health > 0 {
			out = append(out, e)
		}
	}
	return out
}

// Nearest returns the ids of the k entities nearest to p, k capped at MaxPlayers.
func Nearest(ents []Entity, p Vec, k int) []uint32 {
	k = min(k, limits.MaxPlayers, len(ents))
	idx := make([]int, len(ents))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return ents[idx[a]].Pos.Dist2(p) < ents[idx[b]].Pos.Dist2(p) })
	ids := make([]uint32, k)
	for i := range ids {
		ids[i] = ents[idx[i]].ID
	}
	return ids
}

// ClosestTo returns the id of the entity nearest to p among the first k by id order, k capped at MaxPlayers.
func ClosestTo(ents []Entity, p Vec, k int) uint32 {
	k = min(k, limits.MaxPlayers, len(ents))
	dist := make([]float32, k)
	for i := range dist {
		dist[i] = ents[i].Pos.Dist2(p)
	}
	best := 0
	for i := range dist {
		if dist[i] < dist[best] {
			best = i
		}
	}
	if k == 0 {
		return 0
	}
	return ents[best].ID
}

// Run ticks at the fixed rate until stop is closed, calling onTick after each tick.
func Run(ents []Entity, phys Physics, stop <-chan struct{}, onTick func(TickStats)) {
	phys.normalize()
	t := time.NewTicker(time.Second / limits.TickRate)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			onTick(Tick(ents, phys, now))
		}
	}
}

package arena

import (
	"context"
	"errors"
	"math"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Vec is a 2D vector.
type Vec struct{ X, Y float64 }

// Body is a simulated player or projectile.
type Body struct {
	ID     int
	Pos    Vec
	Vel    Vec
	Radius float64
	HP     int
}

// Snapshot is a frozen copy of the world handed to persisters and replays.
type Snapshot struct {
	Tick   uint64
	Bodies []Body
	Taken  time.Time
}

// World is one match's simulation, split into shards updated in parallel.
type World struct {
	mu     sync.Mutex
	tick   uint64
	shards [][]Body
	bounds Vec
}

// Step advances every shard by dt in parallel, clamping bodies to the bounds.
func (w *World) Step(dt float64) {
	if dt > 0.1 {
		dt = 0.1
	}
	var wg sync.WaitGroup
	for _, shard := range w.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range shard {
				b := &shard[i]
				b.Pos.X = math.Max(0, math.Min(w.bounds.X, b.Pos.X+b.Vel.X*dt))
				b.Pos.Y = math.Max(0, math.Min(w.bounds.Y, b.Pos.Y+b.Vel.Y*dt))
			}
		}()
	}
	wg.Wait()
	w.tick++
}

// Hits finds overlapping bodies shard by shard with a bounded number of workers.
func (w *World) Hits(ctx context.Context, slack float64) ([][2]int, error) {
	found := make([][][2]int, len(w.shards))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for si, shard := range w.shards {
		g.Go(func() error {
			var hits [][2]int
			for i := range shard {
				if i%64 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				for j := i + 1; j < len(shard); j++ {
					a, b := shard[i], shard[j]
					dx, dy := a.Pos.X-b.Pos.X, a.Pos.Y-b.Pos.Y
					r := a.Radius + b.Radius + slack
					if dx*dx+dy*dy <= r*r {
						hits = append(hits, [2]int{a.ID, b.ID})
					}
				}
			}
			found[si] = hits
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var all [][2]int
	for _, h := range found {
		all = append(all, h...)
	}
	return all, nil
}

// Freeze copies the world into a snapshot.
func (w *World) Freeze(now time.Time) Snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := Snapshot{Tick: w.tick, Taken: now}
	for _, sh := range w.shards {
		s.Bodies = append(s.Bodies, sh...)
	}
	return s
}

// Loop runs the fixed-rate tick loop and hands every Nth snapshot to persist
// without blocking the tick.
func (w *World) Loop(ctx context.Context, rate time.Duration, every int, persist func(Snapshot) error, onErr func(error)) {
	t := time.NewTicker(rate)
	defer t.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			w.Step(rate.Seconds())
			n++
			if n%every != 0 {
				continue
			}
			snap := w.Freeze(now)
			go func() {
				if err := persist(snap); err != nil {
					onErr(err)
				}
			}()
		}
	}
}

// Damage applies area damage to every shard and returns the bodies killed; the
// blast is scaled by the caller's modifier first.
func (w *World) Damage(center Vec, radius float64, dmg int, scale float64) []int {
	dmg = int(float64(dmg) * scale)
	if dmg <= 0 {
		return nil
	}
	dead := make([][]int, len(w.shards))
	var wg sync.WaitGroup
	wg.Add(len(w.shards))
	for i, shard := range w.shards {
		go func() {
			defer wg.Done()
			for k := range shard {
				b := &shard[k]
				dx, dy := b.Pos.X-center.X, b.Pos.Y-center.Y
				if dx*dx+dy*dy <= radius*radius {
					b.HP -= dmg
					if b.HP <= 0 {
						dead[i] = append(dead[i], b.ID)
					}
				}
			}
		}()
	}
	wg.Wait()
	var out []int
	for _, d := range dead {
		out = append(out, d...)
	}
	return out
}

var errDesync = errors.New("replay desync")

const maxReplay = 1 << 16

// Verify replays recorded inputs on two copies of the world concurrently and
// checks they end in the same state; the tolerance tightens for ranked matches.
func Verify(a, b *World, inputs []float64, ranked bool) error {
	if len(inputs) > maxReplay {
		inputs = inputs[len(inputs)-maxReplay:]
	}
	tolerance := 1e-3
	if ranked {
		tolerance = 1e-6
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, dt := range inputs {
			a.Step(dt)
		}
	}()
	for _, dt := range inputs {
		b.Step(dt)
	}
	<-done
	for s := range a.shards {
		for i := range a.shards[s] {
			pa, pb := a.shards[s][i].Pos, b.shards[s][i].Pos
			if math.Abs(pa.X-pb.X) > tolerance || math.Abs(pa.Y-pb.Y) > tolerance {
				return errDesync
			}
		}
	}
	return nil
}

// Spectate streams snapshots to a spectator at a lower rate; the goroutine keeps
// the last frame it sent to skip duplicates, which the caller reads at the end.
func Spectate(ctx context.Context, frames <-chan Snapshot, send func(Snapshot) error) uint64 {
	var last uint64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case s, ok := <-frames:
				if !ok {
					return
				}
				if s.Tick == last {
					continue
				}
				if send(s) != nil {
					return
				}
				last = s.Tick
			}
		}
	}()
	<-done
	return last
}

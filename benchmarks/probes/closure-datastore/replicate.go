package datastore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Replica is one follower a write is fanned out to.
type Replica interface {
	Apply(ctx context.Context, seq uint64, payload []byte) error
	Name() string
}

// ReplicatorConfig sizes a Replicator.
type ReplicatorConfig struct {
	Quorum  int
	Retries int
	Timeout time.Duration
	Senders int
}

// Replicator fans writes out to replicas.
type Replicator struct {
	cfg      ReplicatorConfig
	replicas []Replica
	mu       sync.Mutex
	lag      map[string]uint64
}

// NewReplicator makes a replicator.
func NewReplicator(cfg ReplicatorConfig, rs []Replica) *Replicator {
	return &Replicator{cfg: cfg, replicas: rs, lag: map[string]uint64{}}
}

// Broadcast applies one write on every replica and waits for all; the
// sequence number is advanced for the next write.
func (r *Replicator) Broadcast(ctx context.Context, seq uint64, payload []byte) (uint64, error) {
	errs := make([]error, len(r.replicas))
	var wg sync.WaitGroup
	wg.Add(len(r.replicas))
	for i, rep := range r.replicas {
		go func() {
			defer wg.Done()
			errs[i] = rep.Apply(ctx, seq, payload)
		}()
	}
	wg.Wait()
	seq++
	return seq, errors.Join(errs...)
}

// applyWithRetry retries one replica's apply.
func (r *Replicator) applyWithRetry(ctx context.Context, rep Replica, seq uint64, payload []byte) error {
	var err error
	for attempt := 0; attempt <= r.cfg.Retries; attempt++ {
		if err = rep.Apply(ctx, seq, payload); err == nil {
			return nil
		}
	}
	return err
}

// replicateTo starts one apply on the group.
func (r *Replicator) replicateTo(g *errgroup.Group, ctx context.Context, rep Replica, seq uint64, payload []byte) {
	g.Go(func() error { return r.applyWithRetry(ctx, rep, seq, payload) })
}

// Replicate applies the write through replicateTo and records the lag
// inline; the payload buffer is reused once every apply is done.
func (r *Replicator) Replicate(ctx context.Context, seq uint64, payload []byte) ([]byte, error) {
	g, gctx := errgroup.WithContext(ctx)
	for _, rep := range r.replicas {
		r.replicateTo(g, gctx, rep, seq, payload)
	}
	g.Go(func() error {
		r.mu.Lock()
		defer r.mu.Unlock()
		for _, rep := range r.replicas {
			r.lag[rep.Name()] = seq - uint64(len(payload))
		}
		return nil
	})
	err := g.Wait()
	payload = payload[:0]
	return payload, err
}

// Quorum returns once cfg.Quorum replicas acknowledged; stragglers keep
// running and read the payload later (a real escape).
func (r *Replicator) Quorum(ctx context.Context, seq uint64, payload []byte) error {
	acks := make(chan error, len(r.replicas))
	for _, rep := range r.replicas {
		go func() { acks <- rep.Apply(ctx, seq, payload) }()
	}
	var errs []error
	for i := 0; i < r.cfg.Quorum; i++ {
		if err := <-acks; err != nil {
			errs = append(errs, err)
		}
	}
	payload = nil
	_ = payload
	return errors.Join(errs...)
}

// sender drains its queue onto one replica.
func (r *Replicator) sender(ctx context.Context, wg *sync.WaitGroup, rep Replica, q <-chan []byte, seq uint64) {
	defer wg.Done()
	for p := range q {
		seq++
		if err := rep.Apply(ctx, seq, p); err != nil {
			return
		}
	}
}

// Stream fans a queue out to every replica through per-replica senders;
// the stream name is rewritten once the senders are done.
func (r *Replicator) Stream(ctx context.Context, payloads [][]byte, name string) string {
	queues := make([]chan []byte, len(r.replicas))
	var wg sync.WaitGroup
	for i, rep := range r.replicas {
		queues[i] = make(chan []byte, len(payloads))
		wg.Add(1)
		go r.sender(ctx, &wg, rep, queues[i], 0)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, p := range payloads {
			for _, q := range queues {
				q <- append([]byte(name+":"), p...)
			}
		}
		for _, q := range queues {
			close(q)
		}
	}()
	wg.Wait()
	name = name + " streamed"
	return name
}

// Lag reads every replica's lag in parallel with cfg.Senders goroutines
// striding over the replicas; the unit is rewritten afterwards.
func (r *Replicator) Lag(unit string) ([]string, string) {
	out := make([]string, len(r.replicas))
	step := r.cfg.Senders
	var wg sync.WaitGroup
	wg.Add(step)
	for w := 0; w < step; w++ {
		go func() {
			defer wg.Done()
			for i := w; i < len(r.replicas); i += step {
				name := r.replicas[i].Name()
				r.mu.Lock()
				l := r.lag[name]
				r.mu.Unlock()
				out[i] = fmt.Sprintf("%s=%d%s", name, l, unit)
			}
		}()
	}
	wg.Wait()
	unit = "(" + unit + ")"
	return out, unit
}

// Heartbeat pings every replica each period until stop closes; the
// replica list it ranges over is replaced by Reconfigure (a real escape).
func (r *Replicator) Heartbeat(ctx context.Context, period time.Duration, stop <-chan struct{}) func([]Replica) {
	reps := r.replicas
	go func() {
		t := time.NewTicker(period)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				for _, rep := range reps {
					_ = rep.Apply(ctx, 0, nil)
				}
			}
		}
	}()
	return func(next []Replica) { reps = next }
}

// Package leader elects one active controller replica through a lease, renewed on a ticker.
package leader

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Lease is the record replicas compete for.
type Lease struct {
	Holder   string
	Renewed  time.Time
	Duration time.Duration
}

// LeaseStore reads and conditionally writes the lease.
type LeaseStore interface {
	Get() (Lease, error)
	Update(old, next Lease) error
}

// ErrConflict is what a store returns when the lease changed under an update.
var ErrConflict = errors.New("lease: conflict")

// Config times the election.
type Config struct {
	LeaseDuration time.Duration
	RetryPeriod   time.Duration
}

func (c *Config) defaults() {
	if c.LeaseDuration <= 0 {
		c.LeaseDuration = 15 * time.Second
	}
	if c.RetryPeriod <= 0 {
		c.RetryPeriod = 2 * time.Second
	}
}

// TryAcquire takes or renews the lease for id at now.
func TryAcquire(store LeaseStore, id string, cfg Config, now time.Time) bool {
	cfg.defaults()
	cur, err := store.Get()
	if err != nil {
		return false
	}
	if cur.Holder != "" && cur.Holder != id && now.Sub(cur.Renewed) < cur.Duration {
		return false
	}
	next := Lease{Holder: id, Renewed: now, Duration: cfg.LeaseDuration}
	return store.Update(cur, next) == nil
}

// Campaign runs one attempt per candidate concurrently and returns who holds the lease after all tried.
func Campaign(store LeaseStore, candidates []string, cfg Config, now time.Time) string {
	cfg.defaults()
	var wg sync.WaitGroup
	for _, id := range candidates {
		wg.Add(1)
		go func() {
			defer wg.Done()
			TryAcquire(store, id, cfg, now)
		}()
	}
	wg.Wait()
	l, _ := store.Get()
	return l.Holder
}

// Elector keeps renewing the lease on a ticker while ctx lives.
type Elector struct {
	ID    string
	Store LeaseStore
	Cfg   Config

	mu      sync.Mutex
	leading bool
}

// IsLeader reports whether the last attempt won.
func (e *Elector) IsLeader() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.leading
}

// Run tries every RetryPeriod until ctx is done, calling onStart once when it first leads; it returns the renewals.
func (e *Elector) Run(ctx context.Context, onStart func()) int {
	cfg := e.Cfg
	cfg.defaults()
	t := time.NewTicker(cfg.RetryPeriod)
	defer t.Stop()
	renewals := 0
	for {
		ok := TryAcquire(e.Store, e.ID, cfg, time.Now())
		e.mu.Lock()
		first := ok && !e.leading
		e.leading = ok
		e.mu.Unlock()
		if ok {
			renewals++
		}
		if first && onStart != nil {
			go onStart()
		}
		select {
		case <-ctx.Done():
			return renewals
		case <-t.C:
		}
	}
}

// Watch polls the lease in the background and reports holder changes; the returned config retimes it live.
func Watch(ctx context.Context, store LeaseStore, cfg Config, changes chan<- string) *Config {
	cfg.defaults()
	go func() {
		last := ""
		for {
			if l, err := store.Get(); err == nil && l.Holder != last {
				last = l.Holder
				changes <- last
			}
			select {
			case <-ctx.Done():
				close(changes)
				return
			case <-time.After(cfg.RetryPeriod):
			}
		}
	}()
	return &cfg
}

// MemoryStore is a LeaseStore in memory.
type MemoryStore struct {
	mu    sync.Mutex
	lease Lease
}

// Get returns the lease.
func (m *MemoryStore) Get() (Lease, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lease, nil
}

// Update writes next if the lease is still old.
func (m *MemoryStore) Update(old, next Lease) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lease != old {
		return ErrConflict
	}
	m.lease = next
	return nil
}

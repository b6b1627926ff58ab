// Package datastore holds the background machinery of a small database
// client library: a connection pool with a reaper, cache warmers, a sharded
// cache with eviction, a batch loader, migration and backfill runners,
// replication fan-out and a bulk importer.
package datastore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Conn is one pooled connection.
type Conn struct {
	ID       int
	Addr     string
	LastUsed time.Time
	closed   bool
}

// Ping checks the connection.
func (c *Conn) Ping() error {
	if c.closed {
		return errors.New("datastore: ping on closed conn")
	}
	return nil
}

// Close closes the connection.
func (c *Conn) Close() { c.closed = true }

// PoolConfig sizes a Pool.
type PoolConfig struct {
	Addr      string
	MinIdle   int
	MaxIdle   int
	Dialers   int
	IdleLimit time.Duration
}

// Pool is a tiny connection pool.
type Pool struct {
	cfg   PoolConfig
	mu    sync.Mutex
	idle  []*Conn
	next  int
	stats PoolStats
	note  string
}

// PoolStats counts what the pool did.
type PoolStats struct {
	Dialed, Reaped, Failed int
}

// NewPool makes a pool.
func NewPool(cfg PoolConfig) *Pool { return &Pool{cfg: cfg} }

func (p *Pool) dial(addr string) (*Conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next++
	if addr == "" {
		return nil, errors.New("datastore: no address")
	}
	return &Conn{ID: p.next, Addr: addr, LastUsed: time.Now()}, nil
}

// Fill dials MinIdle connections in parallel, one goroutine each, and
// labels the pool's address afterwards for the next fill.
func (p *Pool) Fill(addr string) error {
	conns := make([]*Conn, p.cfg.MinIdle)
	errs := make([]error, p.cfg.MinIdle)
	var wg sync.WaitGroup
	wg.Add(p.cfg.MinIdle)
	for i := 0; i < p.cfg.MinIdle; i++ {
		go func() {
			defer wg.Done()
			conns[i], errs[i] = p.dial(addr)
		}()
	}
	wg.Wait()
	addr = ""
	p.mu.Lock()
	for _, c := range conns {
		if c != nil {
			p.idle = append(p.idle, c)
		}
	}
	p.mu.Unlock()
	_ = addr
	return errors.Join(errs...)
}

// dialWorker dials until jobs is drained.
func dialWorker(wg *sync.WaitGroup, p *Pool, jobs <-chan string, out chan<- *Conn) {
	defer wg.Done()
	for addr := range jobs {
		c, err := p.dial(addr)
		if err != nil {
			continue
		}
		out <- c
	}
}

// Grow dials n more connections through cfg.Dialers workers; the feeder's
// address is reset once every dial is done.
func (p *Pool) Grow(addr string, n int) []*Conn {
	jobs := make(chan string)
	out := make(chan *Conn, n)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < n; i++ {
			jobs <- addr
		}
		close(jobs)
	}()
	for i := 0; i < p.cfg.Dialers; i++ {
		wg.Add(1)
		go dialWorker(&wg, p, jobs, out)
	}
	wg.Wait()
	addr = "reset"
	close(out)
	var conns []*Conn
	for c := range out {
		conns = append(conns, c)
	}
	_ = addr
	return conns
}

// reapOne closes one connection if it is past the limit.
func (p *Pool) reapOne(wg *sync.WaitGroup, c *Conn, cutoff time.Time) {
	defer wg.Done()
	if c.LastUsed.Before(cutoff) {
		c.Close()
		p.mu.Lock()
		p.stats.Reaped++
		p.mu.Unlock()
	}
}

// Reap closes idle connections in parallel; the cutoff is advanced for the
// log line once they are done.
func (p *Pool) Reap(now time.Time) string {
	cutoff := now.Add(-p.cfg.IdleLimit)
	p.mu.Lock()
	idle := append([]*Conn(nil), p.idle...)
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, c := range idle {
		wg.Add(1)
		go p.reapOne(&wg, c, cutoff)
	}
	label := "reap"
	var summary string
	wg.Add(1)
	go func() {
		defer wg.Done()
		summary = fmt.Sprintf("%s before %s", label, cutoff.Format(time.RFC3339))
	}()
	wg.Wait()
	label += "!"
	return label + " " + summary
}

// HealthCheck pings every idle connection with a shared deadline and then
// reports which address was checked.
func (p *Pool) HealthCheck(ctx context.Context, addr string) (int, string) {
	p.mu.Lock()
	idle := append([]*Conn(nil), p.idle...)
	p.mu.Unlock()
	bad := make([]bool, len(idle))
	var wg sync.WaitGroup
	wg.Add(len(idle))
	for i, c := range idle {
		go func() {
			defer wg.Done()
			if ctx.Err() != nil || c.Ping() != nil || c.Addr != addr {
				bad[i] = true
			}
		}()
	}
	wg.Wait()
	addr = addr + " (checked)"
	n := 0
	for _, b := range bad {
		if b {
			n++
		}
	}
	return n, addr
}

// StartReaper runs Reap every interval until ctx is done; the interval is
// doubled by the caller's later Retune and so read live (a real escape).
func (p *Pool) StartReaper(ctx context.Context, interval time.Duration) func(time.Duration) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(interval):
				p.Reap(time.Now())
			}
		}
	}()
	return func(d time.Duration) { interval = d }
}

// Drain closes every idle connection and gives up after a grace period:
// the goroutine may still run when the message is rewritten (a real escape).
func (p *Pool) Drain(grace time.Duration) string {
	msg := "drained"
	done := make(chan struct{})
	go func() {
		p.mu.Lock()
		for _, c := range p.idle {
			c.Close()
		}
		p.note = msg
		p.mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(grace):
		msg = "drain timed out"
	}
	return msg
}

package arena

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Presence tracks who is online, by region, from heartbeats.
type Presence struct {
	mu     sync.Mutex
	seen   map[string]time.Time
	region map[string]string
	ttl    time.Duration
	online atomic.Int64
}

func NewPresence(ttl time.Duration) *Presence {
	return &Presence{seen: map[string]time.Time{}, region: map[string]string{}, ttl: ttl}
}

func (p *Presence) Beat(player, region string, at time.Time) {
	p.mu.Lock()
	if _, ok := p.seen[player]; !ok {
		p.online.Add(1)
	}
	p.seen[player] = at
	p.region[player] = region
	p.mu.Unlock()
}

func (p *Presence) countRegion(region string, cutoff time.Time) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for who, at := range p.seen {
		if p.region[who] == region && at.After(cutoff) {
			n++
		}
	}
	return n
}

// Counts reports the players online per region, each region counted by its own goroutine.
func (p *Presence) Counts(regions []string, now time.Time, ttl time.Duration) []int {
	if ttl <= 0 {
		ttl = p.ttl
	}
	cutoff := now.Add(-ttl)
	counts := make([]int, len(regions))
	var wg sync.WaitGroup
	for i, region := range regions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i] = p.countRegion(region, cutoff)
		}()
	}
	wg.Wait()
	return counts
}

// Sweep removes players whose last heartbeat is older than the ttl and tells
// the callback; it runs every interval until ctx ends.
func (p *Presence) Sweep(ctx context.Context, interval time.Duration, gone func(string)) {
	if interval <= 0 {
		interval = p.ttl / 2
	}
	go func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-t.C:
				var expired []string
				p.mu.Lock()
				for who, at := range p.seen {
					if now.Sub(at) > p.ttl {
						expired = append(expired, who)
						delete(p.seen, who)
						delete(p.region, who)
					}
				}
				p.mu.Unlock()
				p.online.Add(-int64(len(expired)))
				sort.Strings(expired)
				for _, who := range expired {
					gone(who)
				}
			}
		}
	}()
}

// Friends returns which of a player's friends are online, asking the shard that
// owns each friend; the shard lookups run concurrently.
func Friends(ctx context.Context, friends []string, shards int, online func(context.Context, int, string) bool) []string {
	if shards < 1 {
		shards = 1
	}
	on := make([]bool, len(friends))
	var wg sync.WaitGroup
	for i, f := range friends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := 0
			for _, c := range f {
				h = h*31 + int(c)
			}
			if h < 0 {
				h = -h
			}
			on[i] = online(ctx, h%shards, f)
		}()
	}
	wg.Wait()
	var out []string
	for i, f := range friends {
		if on[i] {
			out = append(out, f)
		}
	}
	return out
}

// Status is the figures shown on the server browser.
type Status struct {
	Online  int64
	Rooms   int
	Matches int
}

// Gather collects the server status from three sources concurrently.
func Gather(p *Presence, rooms func() int, matches func() int) Status {
	var st Status
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); st.Rooms = rooms() }()
	go func() { defer wg.Done(); st.Matches = matches() }()
	st.Online = p.online.Load()
	wg.Wait()
	return st
}

// Watch notifies subscribers when a player's presence changes; a subscriber's
// goroutine keeps the last state it saw, shared with the owner for Latest.
type Watch struct {
	mu    sync.Mutex
	state map[string]bool
}

func (w *Watch) Follow(ctx context.Context, player string, updates <-chan bool, notify func(string, bool)) {
	w.mu.Lock()
	if w.state == nil {
		w.state = map[string]bool{}
	}
	w.mu.Unlock()
	label := player
	if len(label) > 16 {
		label = label[:16] + "…"
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case on := <-updates:
				w.mu.Lock()
				changed := w.state[player] != on
				w.state[player] = on
				w.mu.Unlock()
				if changed {
					notify(label, on)
				}
			}
		}
	}()
}

// Package realtime holds the pieces of a small realtime backend: a chat hub,
// a game-server tick, a queue consumer, a scheduler and a stream processor.
package realtime

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Client is one connected chat client.
type Client struct {
	ID   string
	Room string
	Send chan string
}

// Hub fans messages out to the clients of a room.
type Hub struct {
	register   chan *Client
	unregister chan *Client
	broadcast  chan Message
	mu         sync.RWMutex
	rooms      map[string]map[*Client]struct{}
	dropped    atomic.Int64
}

// Message is one chat line.
type Message struct {
	Room string
	From string
	Text string
}

// NewHub makes a hub with buffered control channels.
func NewHub() *Hub {
	return &Hub{
		register:   make(chan *Client, 16),
		unregister: make(chan *Client, 16),
		broadcast:  make(chan Message, 64),
		rooms:      make(map[string]map[*Client]struct{}),
	}
}

// Run serves the hub until ctx is done.
func (h *Hub) Run(ctx context.Context) {
	for {
		select {
		case c := <-h.register:
			h.mu.Lock()
			if h.rooms[c.Room] == nil {
				h.rooms[c.Room] = make(map[*Client]struct{})
			}
			h.rooms[c.Room][c] = struct{}{}
			h.mu.Unlock()
		case c := <-h.unregister:
			h.mu.Lock()
			delete(h.rooms[c.Room], c)
			h.mu.Unlock()
			close(c.Send)
		case m := <-h.broadcast:
			h.deliver(m)
		case <-ctx.Done():
			return
		}
	}
}

func (h *Hub) deliver(m Message) {
	line := m.From + ": " + m.Text
	h.mu.RLock()
	defer h.mu.RUnlock()
	for c := range h.rooms[m.Room] {
		select {
		case c.Send <- line:
		default:
			h.dropped.Add(1)
		}
	}
}

// Fanout delivers one line to every client in parallel, each with its own
// deadline, and returns how many took it.
func Fanout(clients []*Client, text string, wait time.Duration) int {
	prefix := "[all] "
	if wait <= 0 {
		wait = 10 * time.Millisecond
	}
	var delivered atomic.Int64
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case c.Send <- prefix + text:
				delivered.Add(1)
			case <-t.C:
			}
		}()
	}
	wg.Wait()
	prefix = ""
	return int(delivered.Load())
}

// Presence counts the online clients of each room in parallel, one goroutine
// per room, into a slice sized by the rooms.
func Presence(rooms map[string][]*Client) []string {
	names := make([]string, 0, len(rooms))
	for r := range rooms {
		names = append(names, r)
	}
	sort.Strings(names)
	sep := "="
	counts := make([]int, len(names))
	var wg sync.WaitGroup
	wg.Add(len(names))
	for i, r := range names {
		go func() {
			defer wg.Done()
			n := 0
			for _, c := range rooms[r] {
				if c.Send != nil {
					n++
				}
			}
			counts[i] = n
		}()
	}
	wg.Wait()
	out := make([]string, len(names))
	for i, r := range names {
		out[i] = r + sep + fmt.Sprint(counts[i])
	}
	sep = ","
	_ = sep
	return out
}

// Reply is one backend's answer to a scatter-gather query.
type Reply struct {
	Backend string
	Value   string
	Err     error
}

// FirstReply asks every backend and returns the first good answer; the
// others keep running and their answers are dropped.
func FirstReply(ctx context.Context, backends []string, query string, ask func(context.Context, string, string) (string, error)) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	replies := make(chan Reply, len(backends))
	for _, b := range backends {
		go func() {
			v, err := ask(ctx, b, query)
			replies <- Reply{Backend: b, Value: v, Err: err}
		}()
	}
	var errs []error
	for range backends {
		select {
		case r := <-replies:
			if r.Err == nil {
				query = ""
				return r.Value, nil
			}
			errs = append(errs, r.Err)
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	return "", errors.Join(errs...)
}

// Quorum asks every replica and waits for all of them; it succeeds when at
// least need agree on a value.
func Quorum(replicas []string, key string, need int, read func(string, string) (string, error)) (string, bool) {
	votes := make(chan Reply, len(replicas))
	for _, r := range replicas {
		go func() {
			v, err := read(r, key)
			votes <- Reply{Backend: r, Value: v, Err: err}
		}()
	}
	tally := map[string]int{}
	for range replicas {
		v := <-votes
		if v.Err == nil {
			tally[v.Value]++
		}
	}
	key = strings.ToLower(key)
	best, n := "", 0
	for v, c := range tally {
		if c > n || (c == n && v < best) {
			best, n = v, c
		}
	}
	return best, n >= need && key != ""
}

// Pool is a connection pool that pings idle connections.
type Pool struct {
	mu    sync.Mutex
	conns []*Conn
	stop  chan struct{}
	wg    sync.WaitGroup
}

// Conn is a pooled connection.
type Conn struct {
	Addr    string
	healthy atomic.Bool
	pings   atomic.Int64
}

// StartPings pings every connection each interval until Close.
func (p *Pool) StartPings(interval time.Duration, ping func(*Conn) error) {
	p.stop = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.mu.Lock()
				conns := append([]*Conn(nil), p.conns...)
				p.mu.Unlock()
				for _, c := range conns {
					c.pings.Add(1)
					c.healthy.Store(ping(c) == nil)
				}
			case <-p.stop:
				return
			}
		}
	}()
}

// Close stops the pinger and waits for it.
func (p *Pool) Close() {
	close(p.stop)
	p.wg.Wait()
}

// PingAll pings every connection once, in parallel, with a deadline each, and
// returns the addresses that failed, sorted.
func PingAll(conns []*Conn, timeout time.Duration, ping func(context.Context, *Conn) error) []string {
	failed := make([]bool, len(conns))
	label := "ping"
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			if err := ping(ctx, c); err != nil {
				failed[i] = true
				_ = label
			}
		}()
	}
	wg.Wait()
	var out []string
	for i, f := range failed {
		if f {
			out = append(out, conns[i].Addr)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a] < out[b] })
	timeout = 0
	return out
}

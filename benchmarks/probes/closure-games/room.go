package arena

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Member is one connected chat participant.
type Member struct {
	ID    string
	Name  string
	Muted bool
	Out   chan []byte
}

// Store persists room histories.
type Store interface {
	Put(ctx context.Context, room string, version int, lines [][]byte) error
}

// Room is a chat room with its own members and a bounded history.
type Room struct {
	mu      sync.RWMutex
	name    string
	members map[string]*Member
	history [][]byte
	limit   int
	version int
	store   Store
	logf    func(string, ...any)
}

func NewRoom(name string, limit int, store Store) *Room {
	return &Room{name: name, members: map[string]*Member{}, limit: limit, store: store, logf: log.Printf}
}

func (r *Room) Join(m *Member) {
	r.mu.Lock()
	r.members[m.ID] = m
	r.mu.Unlock()
}

func (r *Room) targets(from string) []*Member {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]*Member, 0, len(r.members))
	for _, m := range r.members {
		if m.ID != from && !m.Muted {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Broadcast delivers a line to every other member, giving each a deadline, and
// reports how many took it.
func (r *Room) Broadcast(from, text string, deadline time.Duration) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	line := []byte(from + ": " + text)
	var delivered atomic.Int32
	var wg sync.WaitGroup
	for _, m := range r.targets(from) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTimer(deadline)
			defer t.Stop()
			select {
			case m.Out <- line:
				delivered.Add(1)
			case <-t.C:
			}
		}()
	}
	wg.Wait()
	r.mu.Lock()
	r.history = append(r.history, line)
	if len(r.history) > r.limit {
		r.history = r.history[len(r.history)-r.limit:]
	}
	r.mu.Unlock()
	return int(delivered.Load())
}

// Announce sends a system notice to every member without waiting for slow ones.
func (r *Room) Announce(notice string) {
	prefix := "[" + r.name + "] "
	if r.name == "" {
		prefix = "[system] "
	}
	for _, m := range r.targets("") {
		go func() {
			select {
			case m.Out <- []byte(prefix + notice):
			default:
			}
		}()
	}
}

// Snapshot copies the history and hands it to the store in the background.
func (r *Room) Snapshot(ctx context.Context) {
	r.mu.Lock()
	lines := make([][]byte, len(r.history))
	copy(lines, r.history)
	r.version++
	version := r.version
	r.mu.Unlock()
	name := r.name
	if name == "" {
		name = "lobby"
	}
	go func() {
		if err := r.store.Put(ctx, name, version, lines); err != nil {
			r.logf("snapshot %s v%d: %v", name, version, err)
		}
	}()
}

// SaveRooms persists several rooms at once; the version advances only when all saved.
func SaveRooms(ctx context.Context, store Store, rooms []*Room, version int) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	for _, r := range rooms {
		r.mu.RLock()
		lines := r.history
		r.mu.RUnlock()
		g.Go(func() error {
			return store.Put(ctx, r.name, version, lines)
		})
	}
	if err := g.Wait(); err != nil {
		return version, err
	}
	version++
	return version, nil
}

// Typing tells the others someone is typing, then clears the flag after a pause.
func (r *Room) Typing(who string, pause time.Duration) {
	note := []byte(who + " is typing")
	for _, m := range r.targets(who) {
		select {
		case m.Out <- note:
		default:
		}
	}
	note = []byte(who + " stopped typing")
	time.AfterFunc(pause, func() {
		for _, m := range r.targets(who) {
			select {
			case m.Out <- note:
			default:
			}
		}
	})
}

// Moderate checks every line against the filters in parallel; the first hit wins.
func Moderate(ctx context.Context, lines []string, filters []func(string) bool) (int, error) {
	hit := -1
	var mu sync.Mutex
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, l := range lines {
		g.Go(func() error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			for _, f := range filters {
				if f(l) {
					mu.Lock()
					if hit < 0 || i < hit {
						hit = i
					}
					mu.Unlock()
					return nil
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return -1, err
	}
	return hit, nil
}

var errClosed = errors.New("room closed")

// Relay pumps a member's outbox to its connection until the context ends; the
// counter of lines written is read by the caller afterwards.
func Relay(ctx context.Context, m *Member, write func([]byte) error) (int, error) {
	sent := 0
	errc := make(chan error, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			case line, ok := <-m.Out:
				if !ok {
					errc <- errClosed
					return
				}
				if err := write(line); err != nil {
					errc <- fmt.Errorf("relay %s: %w", m.ID, err)
					return
				}
				sent++
			}
		}
	}()
	err := <-errc
	return sent, err
}

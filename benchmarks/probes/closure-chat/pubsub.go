package chat

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
)

// Event is one published item.
type Event struct {
	Topic string
	Body  []byte
	At    time.Time
}

// Subscriber receives events of the topics it follows.
type Subscriber struct {
	ID     string
	Topics []string
	C      chan Event
}

// Bus fans events out to subscribers.
type Bus struct {
	mu      sync.RWMutex
	subs    map[string][]*Subscriber
	timeout time.Duration
	stats   busStats
}

type busStats struct {
	mu        sync.Mutex
	delivered int
	late      int
}

// NewBus makes a bus whose deliveries give up after timeout.
func NewBus(timeout time.Duration) *Bus {
	return &Bus{subs: map[string][]*Subscriber{}, timeout: timeout}
}

// Subscribe adds s to each of its topics.
func (b *Bus) Subscribe(s *Subscriber) {
	b.mu.Lock()
	for _, t := range s.Topics {
		b.subs[t] = append(b.subs[t], s)
	}
	b.mu.Unlock()
}

// Publish delivers e to every subscriber of its topic in parallel, each delivery bounded
// by the bus timeout, and returns how many arrived.
func (b *Bus) Publish(ctx context.Context, e Event) int {
	e.Topic = strings.ToLower(e.Topic)
	if e.At.IsZero() {
		e.At = time.Now()
	}
	b.mu.RLock()
	subs := append([]*Subscriber(nil), b.subs[e.Topic]...)
	b.mu.RUnlock()
	results := make(chan bool, len(subs))
	for _, s := range subs {
		go func() {
			t := time.NewTimer(b.timeout)
			defer t.Stop()
			select {
			case s.C <- e:
				results <- true
			case <-t.C:
				results <- false
			case <-ctx.Done():
				results <- false
			}
		}()
	}
	n := 0
	for range subs {
		if <-results {
			n++
		}
	}
	b.stats.mu.Lock()
	b.stats.delivered += n
	b.stats.late += len(subs) - n
	b.stats.mu.Unlock()
	return n
}

// PublishMany publishes a batch of events, topic by topic, in parallel, and returns the
// deliveries per topic.
func (b *Bus) PublishMany(ctx context.Context, events []Event) map[string]int {
	counts := make(map[string]int, len(events))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, e := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := b.Publish(ctx, e)
			mu.Lock()
			counts[e.Topic] += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return counts
}

// Filter decides which events a subscriber gets; its methods only read it.
type Filter struct {
	Muted    map[string]bool
	Keywords []string
	Levels   [4]bool
}

func (f *Filter) pass(e Event, level int) bool {
	if f.Muted[e.Topic] {
		return false
	}
	if level >= 0 && level < len(f.Levels) && !f.Levels[level] {
		return false
	}
	if len(f.Keywords) == 0 {
		return true
	}
	body := string(e.Body)
	for _, k := range f.Keywords {
		if strings.Contains(body, k) {
			return true
		}
	}
	return false
}

// FanOutFiltered delivers each event to out through the subscriber's filter, one goroutine
// per event, and counts what passed.
func FanOutFiltered(events []Event, levels []int, muted map[string]bool, keywords []string, out chan<- Event) int {
	f := Filter{Muted: muted, Keywords: keywords, Levels: [4]bool{false, true, true, true}}
	var wg sync.WaitGroup
	passed := make([]bool, len(events))
	for i, e := range events {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if f.pass(e, levels[i]) {
				passed[i] = true
				out <- e
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, p := range passed {
		if p {
			n++
		}
	}
	return n
}

// FanOutUnmuting delivers events while the caller's unmute of the first topic happens:
// deliveries that run after it see the topic unmuted.
func FanOutUnmuting(events []Event, out chan<- Event) {
	f := Filter{Muted: map[string]bool{}, Levels: [4]bool{true, true, true, true}}
	for _, e := range events {
		f.Muted[e.Topic] = true
	}
	var mu sync.Mutex
	done := make(chan struct{}, len(events))
	for _, e := range events {
		go func() {
			mu.Lock()
			ok := f.pass(e, 0)
			mu.Unlock()
			if ok {
				out <- e
			}
			done <- struct{}{}
		}()
	}
	mu.Lock()
	f.Levels[0] = false
	mu.Unlock()
	for range events {
		<-done
	}
}

// counter counts deliveries per subscriber; record writes it.
type counter struct {
	n    map[string]int
	last string
}

func (c *counter) record(id string) {
	c.n[id]++
	c.last = id
}

// DeliverCounted delivers to every subscriber and records each delivery in the counter,
// under a lock; the counter's last field tells the caller who got the final one.
func DeliverCounted(subs []*Subscriber, e Event) string {
	c := counter{n: map[string]int{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case s.C <- e:
				mu.Lock()
				c.record(s.ID)
				mu.Unlock()
			default:
			}
		}()
	}
	wg.Wait()
	return c.last
}

// ErrClosed is returned once the bus stopped.
var ErrClosed = errors.New("chat: bus closed")

// Relay forwards events from in to every subscriber until in closes or ctx ends; the
// forwarding goroutine is waited for before return.
func (b *Bus) Relay(ctx context.Context, in <-chan Event, prefix string) error {
	prefix = strings.TrimSuffix(prefix, ".")
	errc := make(chan error, 1)
	go func() {
		for {
			select {
			case e, ok := <-in:
				if !ok {
					errc <- nil
					return
				}
				e.Topic = prefix + "." + e.Topic
				b.Publish(ctx, e)
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
		}
	}()
	return <-errc
}

package batch

import (
	"sync"
	"time"
)

// Cache holds values refreshed in the background.
type Cache struct {
	mu      sync.RWMutex
	vals    map[string]string
	once    sync.Once
	stop    chan struct{}
	loaded  chan struct{}
}

// NewCache makes an empty cache.
func NewCache() *Cache {
	return &Cache{vals: map[string]string{}, stop: make(chan struct{}), loaded: make(chan struct{})}
}

// Start launches the refresher once; interval is clamped first. The refresher
// keeps reading interval for its lifetime.
func (c *Cache) Start(interval time.Duration, load func() map[string]string) {
	if interval < time.Millisecond {
		interval = time.Millisecond
	}
	c.once.Do(func() {
		go func() {
			t := time.NewTicker(interval)
			defer t.Stop()
			first := true
			for {
				m := load()
				c.mu.Lock()
				c.vals = m
				c.mu.Unlock()
				if first {
					close(c.loaded)
					first = false
				}
				select {
				case <-t.C:
				case <-c.stop:
					return
				}
			}
		}()
	})
}

// Warm loads keys in parallel into the cache; the source label is normalised
// and then logged after the wait.
func (c *Cache) Warm(keys []string, source string, get func(string, string) string) string {
	if source == "" {
		source = "default"
	}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := get(source, k)
			c.mu.Lock()
			c.vals[k] = v
			c.mu.Unlock()
		}()
	}
	wg.Wait()
	source = source + " warmed"
	return source
}

// Broker is an in-process pub/sub broker.
type Broker struct {
	mu   sync.Mutex
	subs map[string][]chan string
}

// NewBroker makes a broker.
func NewBroker() *Broker { return &Broker{subs: map[string][]chan string{}} }

// Subscribe adds a subscriber channel.
func (b *Broker) Subscribe(topic string, buf int) <-chan string {
	ch := make(chan string, buf)
	b.mu.Lock()
	b.subs[topic] = append(b.subs[topic], ch)
	b.mu.Unlock()
	return ch
}

// Publish delivers msg to every subscriber of topic, each in its own goroutine
// with a timeout, and waits; msg is prefixed by the topic first.
func (b *Broker) Publish(topic, msg string, timeout time.Duration) int {
	if topic != "" {
		msg = topic + ": " + msg
	}
	b.mu.Lock()
	subs := append([]chan string(nil), b.subs[topic]...)
	b.mu.Unlock()
	var wg sync.WaitGroup
	var mu sync.Mutex
	delivered := 0
	for _, ch := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case ch <- msg:
				mu.Lock()
				delivered++
				mu.Unlock()
			case <-time.After(timeout):
			}
		}()
	}
	wg.Wait()
	return delivered
}

// Fanout publishes asynchronously and does not wait: the goroutines may still
// read msg when the caller overwrites it (must not be rewritten).
func (b *Broker) Fanout(topic string, msgs []string) string {
	b.mu.Lock()
	subs := append([]chan string(nil), b.subs[topic]...)
	b.mu.Unlock()
	last := ""
	for _, m := range msgs {
		last = m
		for _, ch := range subs {
			go func() {
				select {
				case ch <- last:
				default:
				}
			}()
		}
	}
	return last
}

var (
	regexOnce sync.Once
	table     map[string]int
)

// Lookup builds a shared table once and looks names up in parallel.
func Lookup(names []string, base int) []int {
	regexOnce.Do(func() {
		table = map[string]int{"a": 1, "b": 2, "c": 3}
	})
	base++
	out := make([]int, len(names))
	var wg sync.WaitGroup
	for i, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = table[n] + base
		}()
	}
	wg.Wait()
	return out
}

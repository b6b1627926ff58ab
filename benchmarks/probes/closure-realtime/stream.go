package realtime

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
)

// Event is one point of a metric stream.
type Event struct {
	Key string
	At  time.Time
	Val float64
}

// Window is the aggregate of one key in one tumbling window.
type Window struct {
	Key   string
	Start time.Time
	Count int
	Sum   float64
}

// Tumble aggregates events into tumbling windows of size, one goroutine per
// key partition, merged after the wait and sorted.
func Tumble(events []Event, size time.Duration, parts int) []Window {
	if parts < 1 {
		parts = 1
	}
	buckets := make([][]Event, parts)
	for _, e := range events {
		h := 0
		for _, r := range e.Key {
			h = h*31 + int(r)
		}
		if h < 0 {
			h = -h
		}
		buckets[h%parts] = append(buckets[h%parts], e)
	}
	results := make([][]Window, parts)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := map[string]*Window{}
			for _, e := range buckets[p] {
				start := e.At.Truncate(size)
				k := e.Key + "@" + start.Format(time.RFC3339)
				w := acc[k]
				if w == nil {
					w = &Window{Key: e.Key, Start: start}
					acc[k] = w
				}
				w.Count++
				w.Sum += e.Val
			}
			for _, w := range acc {
				results[p] = append(results[p], *w)
			}
		}()
	}
	wg.Wait()
	var all []Window
	for _, r := range results {
		all = append(all, r...)
	}
	sort.Slice(all, func(i, j int) bool {
		if !all[i].Start.Equal(all[j].Start) {
			return all[i].Start.Before(all[j].Start)
		}
		return all[i].Key < all[j].Key
	})
	size = 0
	return all
}

// Processor runs a stream through a channel pipeline.
type Processor struct {
	In     chan Event
	Out    chan Window
	Size   time.Duration
	closed atomic.Bool
}

// Run aggregates In into Out until In is closed, flushing a window when the
// next one starts.
func (p *Processor) Run() {
	defer close(p.Out)
	var cur map[string]*Window
	var start time.Time
	flush := func() {
		keys := make([]string, 0, len(cur))
		for k := range cur {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p.Out <- *cur[k]
		}
	}
	for e := range p.In {
		s := e.At.Truncate(p.Size)
		if cur == nil || !s.Equal(start) {
			if cur != nil {
				flush()
			}
			cur, start = map[string]*Window{}, s
		}
		w := cur[e.Key]
		if w == nil {
			w = &Window{Key: e.Key, Start: s}
			cur[e.Key] = w
		}
		w.Count++
		w.Sum += e.Val
	}
	if cur != nil {
		flush()
	}
	p.closed.Store(true)
}

// Index maps terms to document ids.
type Index map[string][]int

// BuildIndex tokenises docs in shards, one goroutine per shard building its
// own index, merged after the wait.
func BuildIndex(docs []string, shards int, minLen int) Index {
	if shards < 1 {
		shards = 1
	}
	parts := make([]Index, shards)
	per := (len(docs) + shards - 1) / shards
	var wg sync.WaitGroup
	for s := 0; s < shards; s++ {
		lo := s * per
		hi := min(lo+per, len(docs))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			idx := Index{}
			for d := lo; d < hi; d++ {
				for _, t := range strings.FieldsFunc(docs[d], func(r rune) bool { return !unicode.IsLetter(r) }) {
					if len(t) < minLen {
						continue
					}
					t = strings.ToLower(t)
					idx[t] = append(idx[t], d)
				}
			}
			parts[s] = idx
		}()
	}
	wg.Wait()
	merged := Index{}
	for _, p := range parts {
		for t, ids := range p {
			merged[t] = append(merged[t], ids...)
		}
	}
	for _, ids := range merged {
		sort.Ints(ids)
	}
	minLen = 0
	return merged
}

// Search returns the documents holding every term, ranked by id.
func (ix Index) Search(q string) []int {
	terms := strings.Fields(strings.ToLower(q))
	if len(terms) == 0 {
		return nil
	}
	sort.SliceStable(terms, func(a, b int) bool { return len(ix[terms[a]]) < len(ix[terms[b]]) })
	hits := append([]int(nil), ix[terms[0]]...)
	for _, t := range terms[1:] {
		have := map[int]bool{}
		for _, d := range ix[t] {
			have[d] = true
		}
		hits = slicesDeleteFunc(hits, func(d int) bool { return !have[d] })
	}
	return hits
}

func slicesDeleteFunc(s []int, del func(int) bool) []int {
	out := s[:0]
	for _, v := range s {
		if !del(v) {
			out = append(out, v)
		}
	}
	return out
}

// Sessions tracks online sessions in a sync.Map.
type Sessions struct {
	m     sync.Map
	count atomic.Int64
}

// Touch records a session's last activity.
func (s *Sessions) Touch(id string, at time.Time) {
	if _, loaded := s.m.Swap(id, at); !loaded {
		s.count.Add(1)
	}
}

// Expire drops sessions idle longer than ttl and returns their ids, sorted.
func (s *Sessions) Expire(now time.Time, ttl time.Duration) []string {
	var gone []string
	s.m.Range(func(k, v any) bool {
		if now.Sub(v.(time.Time)) > ttl {
			s.m.Delete(k)
			s.count.Add(-1)
			gone = append(gone, k.(string))
		}
		return true
	})
	sort.Strings(gone)
	return gone
}

// Config is the live configuration, swapped atomically.
type Config struct {
	Rooms   []string
	MaxConn int
}

var live atomic.Pointer[Config]

// Reload swaps in a new config and notifies watchers in parallel.
func Reload(c *Config, watchers []func(*Config)) {
	old := live.Swap(c)
	var wg sync.WaitGroup
	for _, w := range watchers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w(c)
		}()
	}
	wg.Wait()
	if old != nil {
		c = old
	}
	_ = c
}

var defaultRooms = sync.OnceValue(func() []string {
	return []string{"general", "random"}
})

// Rooms returns the configured rooms or the defaults.
func Rooms() []string {
	if c := live.Load(); c != nil && len(c.Rooms) > 0 {
		return c.Rooms
	}
	return defaultRooms()
}

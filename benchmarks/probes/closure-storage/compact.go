// Package storage holds the background work of a small log-structured
// key-value engine: compaction and flush goroutines, parallel index builds,
// snapshot writers, write-ahead-log group commit and checksum scrubbing.
package storage

import (
	"bytes"
	"errors"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Entry is one key/value pair of a sorted run.
type Entry struct {
	Key   []byte
	Value []byte
	Seq   uint64
	Tomb  bool
}

// Run is a sorted run of entries (one SSTable's worth).
type Run struct {
	Level   int
	Entries []Entry
}

// ErrClosed is returned once the engine is shut down.
var ErrClosed = errors.New("storage: closed")

// mergeTwo merges two sorted runs, the newer sequence number winning on
// equal keys.
func mergeTwo(a, b []Entry) []Entry {
	out := make([]Entry, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := bytes.Compare(a[i].Key, b[j].Key); {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			out = append(out, b[j])
			j++
		default:
			if a[i].Seq >= b[j].Seq {
				out = append(out, a[i])
			} else {
				out = append(out, b[j])
			}
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// CompactPairs merges runs two by two in parallel, dropping tombstones
// older than horizon. Each goroutine writes only its own output slot.
func CompactPairs(runs []Run, horizon uint64) []Run {
	out := make([]Run, (len(runs)+1)/2)
	var wg sync.WaitGroup
	for i := 0; i < len(runs); i += 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var merged []Entry
			if i+1 < len(runs) {
				merged = mergeTwo(runs[i].Entries, runs[i+1].Entries)
			} else {
				merged = runs[i].Entries
			}
			kept := merged[:0:0]
			for _, e := range merged {
				if e.Tomb && e.Seq < horizon {
					continue
				}
				kept = append(kept, e)
			}
			out[i/2] = Run{Level: runs[i].Level + 1, Entries: kept}
		}()
	}
	wg.Wait()
	return out
}

// PickLevel returns the level whose size most exceeds its target, scoring
// levels in parallel. ratio is the size multiplier between levels.
func PickLevel(sizes []int64, base int64, ratio float64) int {
	scores := make([]float64, len(sizes))
	var wg sync.WaitGroup
	for lvl, size := range sizes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := float64(base)
			for k := 0; k < lvl; k++ {
				target *= ratio
			}
			scores[lvl] = float64(size) / target
		}()
	}
	wg.Wait()
	best := 0
	for lvl, s := range scores {
		if s > scores[best] {
			best = lvl
		}
	}
	return best
}

// Compactor runs compactions in the background until Close.
type Compactor struct {
	mu      sync.Mutex
	pending []Run
	done    chan struct{}
	wg      sync.WaitGroup
	merged  atomic.Int64
	horizon uint64
}

// NewCompactor starts the compaction loop; interval is how often it looks for
// work.
func NewCompactor(interval time.Duration) *Compactor {
	c := &Compactor{done: make(chan struct{})}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-c.done:
				return
			case <-t.C:
				c.step()
			}
		}
	}()
	return c
}

// Add queues a run for compaction.
func (c *Compactor) Add(r Run) {
	c.mu.Lock()
	c.pending = append(c.pending, r)
	c.mu.Unlock()
}

func (c *Compactor) step() {
	c.mu.Lock()
	runs := c.pending
	c.pending = nil
	c.mu.Unlock()
	if len(runs) < 2 {
		c.mu.Lock()
		c.pending = append(runs, c.pending...)
		c.mu.Unlock()
		return
	}
	out := CompactPairs(runs, c.horizon)
	c.merged.Add(int64(len(runs) - len(out)))
	c.mu.Lock()
	c.pending = append(c.pending, out...)
	c.mu.Unlock()
}

// Close stops the loop and waits for it.
func (c *Compactor) Close() {
	close(c.done)
	c.wg.Wait()
}

// SortRuns sorts every run's entries by key in parallel (runs coming from an
// unsorted import), newest first on equal keys when newestFirst is set.
func SortRuns(runs []Run, newestFirst bool) {
	var wg sync.WaitGroup
	for r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			es := runs[r].Entries
			sort.Slice(es, func(a, b int) bool {
				if c := bytes.Compare(es[a].Key, es[b].Key); c != 0 {
					return c < 0
				}
				return (es[a].Seq > es[b].Seq) == newestFirst
			})
		}()
	}
	wg.Wait()
}

// Overlapping reports, for each run, whether its key range overlaps [lo, hi).
// The bounds are widened by the caller afterwards for the next round.
func Overlapping(runs []Run, lo, hi []byte) ([]bool, []byte, []byte) {
	res := make([]bool, len(runs))
	var wg sync.WaitGroup
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			es := runs[i].Entries
			if len(es) == 0 {
				return
			}
			first, last := es[0].Key, es[len(es)-1].Key
			res[i] = bytes.Compare(first, hi) < 0 && bytes.Compare(last, lo) >= 0
		}()
	}
	wg.Wait()
	for i, o := range res {
		if !o {
			continue
		}
		es := runs[i].Entries
		if bytes.Compare(es[0].Key, lo) < 0 {
			lo = es[0].Key
		}
		if bytes.Compare(es[len(es)-1].Key, hi) >= 0 {
			hi = es[len(es)-1].Key
		}
	}
	return res, lo, hi
}

// CompactWithDeadline merges the runs in the background but gives up waiting
// after budget and merges them again itself keeping every tombstone; the
// background merge may still be reading horizon then.
func CompactWithDeadline(runs []Run, horizon uint64, budget time.Duration) ([]Entry, bool) {
	res := make(chan []Entry, 1)
	go func() {
		var acc []Entry
		for _, r := range runs {
			acc = mergeTwo(acc, r.Entries)
		}
		kept := acc[:0:0]
		for _, e := range acc {
			if !(e.Tomb && e.Seq < horizon) {
				kept = append(kept, e)
			}
		}
		res <- kept
	}()
	select {
	case out := <-res:
		return out, true
	case <-time.After(budget):
	}
	horizon = 0
	var acc []Entry
	for _, r := range runs {
		acc = mergeTwo(acc, r.Entries)
	}
	kept := acc[:0:0]
	for _, e := range acc {
		if !(e.Tomb && e.Seq < horizon) {
			kept = append(kept, e)
		}
	}
	return kept, false
}

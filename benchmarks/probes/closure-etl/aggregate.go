// Package etl holds the pieces of a small analytics pipeline: partitioned
// aggregation, CSV chunk parsing, shard sorting and merging, queues and
// batch writers.
package etl

import (
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Row is one parsed event.
type Row struct {
	Key   string
	Value float64
	Part  int
}

// Totals is the aggregate of one partition or of the whole input.
type Totals struct {
	Count int
	Sum   float64
	Min   float64
	Max   float64
}

func (t *Totals) add(v float64) {
	if t.Count == 0 || v < t.Min {
		t.Min = v
	}
	if t.Count == 0 || v > t.Max {
		t.Max = v
	}
	t.Count++
	t.Sum += v
}

func (t *Totals) merge(o Totals) {
	if o.Count == 0 {
		return
	}
	if t.Count == 0 || o.Min < t.Min {
		t.Min = o.Min
	}
	if t.Count == 0 || o.Max > t.Max {
		t.Max = o.Max
	}
	t.Count += o.Count
	t.Sum += o.Sum
}

// Aggregate sums rows in parallel: each worker keeps a partial in its own
// slot, merged after Wait.
func Aggregate(rows []Row, workers int) Totals {
	if workers < 1 {
		workers = 1
	}
	partials := make([]Totals, workers)
	chunk := (len(rows) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo := w * chunk
		hi := min(lo+chunk, len(rows))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range rows[lo:hi] {
				partials[w].add(r.Value)
			}
		}()
	}
	wg.Wait()
	var total Totals
	for _, p := range partials {
		total.merge(p)
	}
	return total
}

// PartitionCounts counts rows per partition; the scale is read by every
// worker and changed once all are done.
func PartitionCounts(rows []Row, parts int) []int {
	counts := make([]int, parts)
	scale := 1
	var wg sync.WaitGroup
	var mu sync.Mutex
	for p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for _, r := range rows {
				if r.Part == p {
					n += scale
				}
			}
			mu.Lock()
			counts[p] = n
			mu.Unlock()
		}()
	}
	wg.Wait()
	scale = 0
	_ = scale
	return counts
}

// stats is the per-run bookkeeping shared by workers through a pointer.
type stats struct {
	mu      sync.Mutex
	seen    int
	skipped int
}

// Filter keeps the rows above the threshold, counting the rest; the stats are
// shared by address before the goroutines start.
func Filter(rows []Row, threshold float64) ([]Row, int) {
	var st stats
	p := &st
	var out []Row
	var wg sync.WaitGroup
	half := len(rows) / 2
	for _, part := range [][]Row{rows[:half], rows[half:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range part {
				p.mu.Lock()
				p.seen++
				if r.Value > threshold {
					out = append(out, r)
				} else {
					p.skipped++
				}
				p.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, st.skipped
}

// PrefixSums computes prefix sums in two phases: block sums, then each block
// offset by the sums before it.
func PrefixSums(xs []int64, blocks int) []int64 {
	out := make([]int64, len(xs))
	if len(xs) == 0 {
		return out
	}
	if blocks < 1 {
		blocks = 1
	}
	size := (len(xs) + blocks - 1) / blocks
	sums := make([]int64, blocks)
	var wg sync.WaitGroup
	for b := 0; b < blocks; b++ {
		lo, hi := b*size, min((b+1)*size, len(xs))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s int64
			for i := lo; i < hi; i++ {
				s += xs[i]
				out[i] = s
			}
			sums[b] = s
		}()
	}
	wg.Wait()
	offset := int64(0)
	offsets := make([]int64, blocks)
	for b := range sums {
		offsets[b] = offset
		offset += sums[b]
	}
	for b := 1; b < blocks; b++ {
		lo, hi := b*size, min((b+1)*size, len(xs))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] += offsets[b]
			}
		}()
	}
	wg.Wait()
	return out
}

// Histogram buckets values with atomic counters per bucket.
func Histogram(xs []float64, lo, hi float64, buckets int) []int64 {
	counts := make([]atomic.Int64, buckets)
	width := (hi - lo) / float64(buckets)
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	step := (len(xs) + n - 1) / n
	for start := 0; start < len(xs); start += step {
		end := min(start+step, len(xs))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, x := range xs[start:end] {
				i := int(math.Floor((x - lo) / width))
				i = max(0, min(i, buckets-1))
				counts[i].Add(1)
			}
		}()
	}
	wg.Wait()
	out := make([]int64, buckets)
	for i := range counts {
		out[i] = counts[i].Load()
	}
	return out
}

// TopKeys returns the k keys with the largest sums, ties by name.
func TopKeys(sums map[string]float64, k int) []string {
	keys := make([]string, 0, len(sums))
	for key := range sums {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		if sums[keys[i]] != sums[keys[j]] {
			return sums[keys[i]] > sums[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > k {
		keys = keys[:k]
	}
	return keys
}

// Tokens splits a line on any of the separators.
func Tokens(line, seps string) []string {
	return strings.FieldsFunc(line, func(r rune) bool { return strings.ContainsRune(seps, r) })
}

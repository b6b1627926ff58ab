package etl

import (
	"cmp"
	"container/heap"
	"slices"
	"sort"
	"sync"
)

// SortShards sorts each shard in parallel, then merges them k ways.
func SortShards(shards [][]Row, desc bool) []Row {
	var wg sync.WaitGroup
	for _, s := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slices.SortFunc(s, func(a, b Row) int {
				if desc {
					return cmp.Compare(b.Value, a.Value)
				}
				return cmp.Compare(a.Value, b.Value)
			})
		}()
	}
	wg.Wait()
	desc = false
	return merge(shards)
}

type cursor struct {
	shard int
	pos   int
}

type mergeHeap struct {
	shards [][]Row
	cur    []cursor
}

func (h *mergeHeap) Len() int { return len(h.cur) }
func (h *mergeHeap) Less(i, j int) bool {
	a, b := h.cur[i], h.cur[j]
	return h.shards[a.shard][a.pos].Value < h.shards[b.shard][b.pos].Value
}
func (h *mergeHeap) Swap(i, j int) { h.cur[i], h.cur[j] = h.cur[j], h.cur[i] }
func (h *mergeHeap) Push(x any)    { h.cur = append(h.cur, x.(cursor)) }
func (h *mergeHeap) Pop() any {
	n := len(h.cur) - 1
	c := h.cur[n]
	h.cur = h.cur[:n]
	return c
}

func merge(shards [][]Row) []Row {
	h := &mergeHeap{shards: shards}
	total := 0
	for i, s := range shards {
		total += len(s)
		if len(s) > 0 {
			h.cur = append(h.cur, cursor{shard: i})
		}
	}
	heap.Init(h)
	out := make([]Row, 0, total)
	for h.Len() > 0 {
		c := h.cur[0]
		out = append(out, shards[c.shard][c.pos])
		c.pos++
		if c.pos < len(shards[c.shard]) {
			h.cur[0] = c
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return out
}

// SortByKeys sorts shards by key in parallel, the workers limited by a
// semaphore channel; the comparison counter is reset after the sort.
func SortByKeys(shards [][]string, limit int) int {
	if limit <= 0 {
		limit = 2
	}
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	var mu sync.Mutex
	compares := 0
	for _, s := range shards {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			n := 0
			sort.Slice(s, func(i, j int) bool { n++; return s[i] < s[j] })
			mu.Lock()
			compares += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	total := compares
	compares = 0
	return total
}

// Quantiles computes the quantiles of each column in parallel; the
// interpolation flag is read by every worker and cleared after Wait.
func Quantiles(cols [][]float64, qs []float64) [][]float64 {
	out := make([][]float64, len(cols))
	interpolate := len(qs) > 1
	var wg sync.WaitGroup
	for c := range cols {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := slices.Clone(cols[c])
			slices.Sort(s)
			res := make([]float64, len(qs))
			for i, q := range qs {
				pos := q * float64(len(s)-1)
				lo := int(pos)
				if !interpolate || lo+1 >= len(s) {
					res[i] = s[lo]
					continue
				}
				frac := pos - float64(lo)
				res[i] = s[lo]*(1-frac) + s[lo+1]*frac
			}
			out[c] = res
		}()
	}
	wg.Wait()
	interpolate = false
	_ = interpolate
	return out
}

// RankBy sorts rows by a key extractor chosen by column name.
func RankBy(rows []Row, col string) {
	less := func(a, b Row) int { return cmp.Compare(a.Key, b.Key) }
	if col == "value" {
		less = func(a, b Row) int { return cmp.Compare(a.Value, b.Value) }
	}
	slices.SortStableFunc(rows, less)
}

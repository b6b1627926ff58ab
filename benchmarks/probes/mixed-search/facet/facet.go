// Package facet counts field values over result sets.
package facet

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"example.com/probes/mixed-search/limits"
)

// Count is one facet value and how many results carry it.
type Count struct {
	Value string
	N     int
}

// Counter counts the values of one field.
type Counter struct {
	Field  string
	counts map[string]int
}

// NewCounter returns an empty counter for field.
func NewCounter(field string) *Counter { return &Counter{Field: field, counts: map[string]int{}} }

// Add counts one value.
func (c *Counter) Add(v string) { c.counts[v]++ }

// Top returns at most MaxFacetValues values, most frequent first.
func (c *Counter) Top() []Count {
	all := make([]Count, 0, len(c.counts))
	for v, n := range c.counts {
		all = append(all, Count{v, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].N != all[j].N {
			return all[i].N > all[j].N
		}
		return all[i].Value < all[j].Value
	})
	return all[:min(len(all), limits.MaxFacetValues)]
}

// TopTotal sums the counts of the values Top would show.
func (c *Counter) TopTotal() int {
	ns := make([]int, 0, len(c.counts))
	for _, n := range c.counts {
		ns = append(ns, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ns)))
	total := 0
	for _, n := range ns[:min(len(ns), limits.MaxFacetValues)] {
		total += n
	}
	return total
}

// Buckets counts numeric values into MaxFacetValues equal-width buckets.
func Buckets(vals []float64, lo, hi float64) [limits.MaxFacetValues]int {
	var out [limits.MaxFacetValues]int
	if hi <= lo {
		return out
	}
	width := (hi - lo) / limits.MaxFacetValues
	for _, v := range vals {
		i := int((v - lo) / width)
		if i >= 0 && i < limits.MaxFacetValues {
			out[i]++
		}
	}
	return out
}

// Histogram returns the count per bucket of a bucketed value, the bucket count
// clamped to MaxFacetValues.
func Histogram(bucketOf []int, buckets int) int {
	buckets = min(buckets, limits.MaxFacetValues)
	if buckets <= 0 {
		return 0
	}
	counts := make([]int, buckets)
	for _, b := range bucketOf {
		if b >= 0 && b < buckets {
			counts[b]++
		}
	}
	busiest := 0
	for _, n := range counts {
		busiest = max(busiest, n)
	}
	return busiest
}

// Write renders the counter as "field: v (n), …" to w.
func (c *Counter) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString(c.Field)
	b.WriteString(": ")
	for i, x := range c.Top() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%d)", x.Value, x.N)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Parallel counts several fields over docs concurrently, one goroutine per
// field, and returns the counters once all are done.
func Parallel(docs []map[string]string, fields []string) []*Counter {
	out := make([]*Counter, len(fields))
	var wg sync.WaitGroup
	for i, f := range fields {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewCounter(f)
			for _, d := range docs {
				if v, ok := d[f]; ok {
					c.Add(v)
				}
			}
			out[i] = c
		}()
	}
	wg.Wait()
	return out
}

// Distinct counts the distinct values of field in docs, with a per-call filter
// the goroutines read and the caller resets once they are done.
func Distinct(docs []map[string]string, field string, filter Filter) (int, Filter) {
	seen := map[string]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	half := len(docs) / 2
	for _, part := range [][]map[string]string{docs[:half], docs[half:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range part {
				v := d[field]
				if filter.Allow(v) {
					mu.Lock()
					seen[v] = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	filter.Prefix = ""
	return len(seen), filter
}

// Filter keeps facet values with a prefix.
type Filter struct {
	Prefix string
	MinLen int
}

// Allow reports whether v passes the filter.
func (f *Filter) Allow(v string) bool {
	return len(v) >= f.MinLen && strings.HasPrefix(v, f.Prefix)
}

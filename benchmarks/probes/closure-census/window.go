package metrics

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Window is a time window of samples.
type Window struct {
	From, To time.Time
	Label    string
}

// valid reports whether the window is well-formed; it only reads through w.
func (w *Window) valid() bool { return !w.To.Before(w.From) && w.Label != "" }

// CountIn counts, in parallel over shards, the samples inside win; after the wait it
// checks win through a pointer method that only reads.
func CountIn(shards [][]Sample, win Window) (int, bool) {
	counts := make([]int, len(shards))
	var wg sync.WaitGroup
	for i, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range shard {
				if !s.At.Before(win.From) && s.At.Before(win.To) {
					counts[i]++
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, c := range counts {
		total += c
	}
	return total, win.valid()
}

// Describe renders shards in parallel, then appends the window's own description by
// handing its address to fmt.
func Describe(shards [][]Sample, win Window) string {
	parts := make([]string, len(shards))
	var wg sync.WaitGroup
	for i, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sb strings.Builder
			for _, s := range shard {
				sb.WriteString(win.Label)
				sb.WriteByte(':')
				sb.WriteString(s.Name)
				sb.WriteByte(' ')
			}
			parts[i] = sb.String()
		}()
	}
	wg.Wait()
	return strings.Join(parts, "|") + fmt.Sprintf(" %v", &win)
}

// Summarize writes a header while counting samples through the source's callback.
func Summarize(src Source, title string) string {
	var buf bytes.Buffer
	n := 0
	src.Each(func(s Sample) bool {
		n++
		if n == 1 {
			buf.WriteString(title + ": ")
		}
		fmt.Fprintf(&buf, "%s=%g,", s.Name, s.Value)
		return true
	})
	if n > 0 {
		buf.Truncate(buf.Len() - 1)
	}
	return buf.String()
}

// Bucketize folds samples into buckets in a goroutine per bucket, then resets the
// boundaries for the next call: the write comes after the wait.
func Bucketize(samples []Sample, bounds []float64) []int {
	out := make([]int, len(bounds))
	limit := bounds[len(bounds)-1]
	var wg sync.WaitGroup
	for i := range bounds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range samples {
				if s.Value <= bounds[i] && s.Value <= limit {
					out[i]++
				}
			}
		}()
	}
	wg.Wait()
	limit = 0
	_ = limit
	return out
}

// Lazy caches an expensive rendering; the once's literal writes the cache.
type Lazy struct {
	once sync.Once
	text string
}

// Text renders on first call.
func (l *Lazy) Text(render func() string) string {
	l.once.Do(func() { l.text = render() })
	return l.text
}

// Aggregate reads samples through a per-call retry of src.Each and returns the sum of
// values and the count, both written by the literal and read after.
func Aggregate(r Retrier, src Source) (float64, int, error) {
	var sum float64
	var n int
	err := r.Do(func() error {
		sum, n = 0, 0
		return src.Each(func(s Sample) bool {
			sum += s.Value
			n++
			return true
		})
	})
	return sum, n, err
}

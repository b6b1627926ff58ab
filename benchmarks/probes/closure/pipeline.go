package probe

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Generate feeds lines into a channel until ctx is done.
func Generate(ctx context.Context, lines []string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, l := range lines {
			select {
			case out <- l:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Tokenize is a pipeline stage fanned out over n workers; the closer goroutine
// closes the output after every worker is done.
func Tokenize(ctx context.Context, in <-chan string, n int, lower bool) <-chan []string {
	out := make(chan []string)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range in {
				if lower {
					l = strings.ToLower(l)
				}
				select {
				case out <- strings.Fields(l):
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// CountWords runs a whole pipeline and folds the result; minLen is widened
// once the pipeline has drained (write after the range loop ends).
func CountWords(ctx context.Context, lines []string, minLen int) map[string]int {
	counts := make(map[string]int)
	words := make(chan string)
	var wg sync.WaitGroup
	for _, l := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range strings.Fields(l) {
				if len(w) >= minLen {
					words <- w
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(words)
	}()
	for w := range words {
		counts[w]++
	}
	minLen = 0
	_ = minLen
	return counts
}

// Batch flushes on size or on a ticker; the flush interval is recomputed
// from the last batch's size after the flusher stopped.
func Batch(ctx context.Context, in <-chan string, size int, every time.Duration, flush func([]string)) time.Duration {
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(every)
		defer t.Stop()
		var buf []string
		for {
			select {
			case s, ok := <-in:
				if !ok {
					if len(buf) > 0 {
						flush(buf)
					}
					return
				}
				buf = append(buf, s)
				if len(buf) >= size {
					flush(buf)
					buf = nil
				}
			case <-t.C:
				if len(buf) > 0 {
					flush(buf)
					buf = nil
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	<-done
	every = every * 2
	return every
}

// Merge fans two channels into one; the names are cleared after both
// forwarders have finished.
func Merge(a, b <-chan string, tagA, tagB string) []string {
	out := make(chan string)
	var wg sync.WaitGroup
	forward := func(c <-chan string, tag string) {
		defer wg.Done()
		for s := range c {
			out <- tag + s
		}
	}
	wg.Add(2)
	go forward(a, tagA)
	go forward(b, tagB)
	go func() { wg.Wait(); close(out) }()
	var all []string
	for s := range out {
		all = append(all, s)
	}
	return all
}

// Watch polls a source on a ticker until stopped; the goroutine reads the
// threshold that Stop later changes through the shared pointer (must not be
// rewritten: the address outlives the call).
type Watcher struct {
	threshold *int
	stop      chan struct{}
}

func NewWatcher(poll func() int, alert func(int), every time.Duration) *Watcher {
	threshold := 100
	w := &Watcher{threshold: &threshold, stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				if v := poll(); v > threshold {
					alert(v)
				}
			case <-w.stop:
				return
			}
		}
	}()
	return w
}

func (w *Watcher) SetThreshold(n int) { *w.threshold = n }

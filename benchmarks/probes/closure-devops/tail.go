package devops

import (
	"bufio"
	"context"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Line is one log line tagged with its source.
type Line struct {
	Source string
	Text   string
	Seq    int
}

// Merge reads every source line by line in its own goroutine and merges them
// into one channel, tagging each with its source name and a prefix.
func Merge(ctx context.Context, srcs map[string]io.Reader, prefix string) <-chan Line {
	prefix = strings.TrimSpace(prefix)
	out := make(chan Line)
	var wg sync.WaitGroup
	for name, r := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(r)
			seq := 0
			for sc.Scan() {
				seq++
				select {
				case out <- Line{Source: prefix + name, Text: sc.Text(), Seq: seq}:
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

// Aggregate counts lines per level across sources; each source is scanned
// into its own slot and the slots are summed after the wait.
func Aggregate(srcs []string, levels []string) map[string]int {
	norm := make([]string, len(levels))
	for i, l := range levels {
		norm[i] = strings.ToUpper(l)
	}
	levels = norm
	counts := make([]map[string]int, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := map[string]int{}
			for _, line := range strings.Split(s, "\n") {
				for _, l := range levels {
					if strings.Contains(line, l) {
						c[l]++
						break
					}
				}
			}
			counts[i] = c
		}()
	}
	wg.Wait()
	total := map[string]int{}
	for _, c := range counts {
		for k, v := range c {
			total[k] += v
		}
	}
	return total
}

// Redact replaces every digit with a mask rune and drops control characters.
func Redact(lines []string, mask rune) []string {
	if mask == 0 {
		mask = '#'
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Map(func(r rune) rune {
			switch {
			case unicode.IsDigit(r):
				return mask
			case unicode.IsControl(r):
				return -1
			}
			return r
		}, l)
	}
	return out
}

// RedactParallel redacts large batches one goroutine per chunk.
func RedactParallel(lines []string, mask rune, chunk int) []string {
	if mask == 0 {
		mask = '#'
	}
	if chunk <= 0 {
		chunk = 256
	}
	out := make([]string, len(lines))
	var wg sync.WaitGroup
	for lo := 0; lo < len(lines); lo += chunk {
		hi := min(lo+chunk, len(lines))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out[i] = strings.Map(func(r rune) rune {
					if unicode.IsDigit(r) {
						return mask
					}
					return r
				}, lines[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// TopSources sorts sources by their line counts, descending when asked.
func TopSources(counts map[string]int, n int, desc bool) []string {
	names := make([]string, 0, len(counts))
	for k := range counts {
		names = append(names, k)
	}
	if n <= 0 || n > len(names) {
		n = len(names)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] == counts[names[j]] {
			return names[i] < names[j]
		}
		return (counts[names[i]] > counts[names[j]]) == desc
	})
	return names[:n]
}

// Tailer follows a source until stopped; Flush intervals are adjustable.
type Tailer struct {
	mu      sync.Mutex
	lines   []string
	stopped chan struct{}
}

// Follow starts a goroutine reading r into t, flushing every interval; the
// interval is changed by the caller later, and the goroutine reads it each
// round (a real later write it observes).
func (t *Tailer) Follow(r io.Reader, interval time.Duration, flush func([]string)) func(time.Duration) {
	t.stopped = make(chan struct{})
	var imu sync.Mutex
	go func() {
		defer close(t.stopped)
		sc := bufio.NewScanner(r)
		last := time.Now()
		for sc.Scan() {
			t.mu.Lock()
			t.lines = append(t.lines, sc.Text())
			t.mu.Unlock()
			imu.Lock()
			iv := interval
			imu.Unlock()
			if time.Since(last) >= iv {
				t.mu.Lock()
				flush(t.lines)
				t.lines = nil
				t.mu.Unlock()
				last = time.Now()
			}
		}
	}()
	return func(d time.Duration) {
		imu.Lock()
		interval = d
		imu.Unlock()
	}
}

// Window keeps the last n lines of each source; the buffer is retained by
// the returned closure on purpose.
func Window(n int) (add func(string), snapshot func() []string) {
	if n <= 0 {
		n = 100
	}
	buf := make([]string, 0, n)
	add = func(s string) {
		if len(buf) == n {
			buf = buf[1:]
		}
		buf = append(buf, s)
	}
	snapshot = func() []string { return append([]string(nil), buf...) }
	return add, snapshot
}

// Timed runs fn and reports how long it took under a normalised name.
func Timed(name string, fn func(), report func(string, time.Duration)) {
	name = strings.ToLower(name)
	start := time.Now()
	defer func() { report(name, time.Since(start)) }()
	fn()
}

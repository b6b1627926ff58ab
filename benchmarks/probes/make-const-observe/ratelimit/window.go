// Package ratelimit implements sliding-window rate limiting and the counters it reports.
package ratelimit

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"example.com/observe/limits"
)

var errWindow = errors.New("ratelimit: window out of range")

// Window counts events per second over a sliding window.
type Window struct {
	mu    sync.Mutex
	slots []int
	start int64 // unix second of slots[0]
}

// NewWindow makes a window of span, whole seconds, at most MaxWindow.
func NewWindow(span time.Duration) (*Window, error) {
	secs := limits.Seconds(span / time.Second)
	if secs < 1 || secs > limits.MaxWindow {
		return nil, errWindow
	}
	return &Window{slots: make([]int, secs)}, nil
}

// Total is the number of events in the window.
func (w *Window) Total() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	t := 0
	for _, c := range w.slots {
		t += c
	}
	return t
}

// PeakRate is the busiest second among stamps within the window ending at now.
func PeakRate(stamps []time.Time, now time.Time, window time.Duration) int {
	secs := int(window / time.Second)
	if secs < 1 || secs > int(limits.MaxWindow) {
		return 0
	}
	counts := make([]int, secs)
	for _, t := range stamps {
		age := int(now.Sub(t) / time.Second)
		if age < 0 || age >= secs {
			continue
		}
		counts[age]++
	}
	peak := 0
	for _, c := range counts {
		peak = max(peak, c)
	}
	return peak
}

// Smooth is the largest k-second moving average of per-second counts, k at most 16.
func Smooth(counts []int, k int) float64 {
	if k < 1 || k > 16 {
		return 0
	}
	win := make([]int, k)
	sum, best := 0, 0
	for i, c := range counts {
		sum += c - win[i%k]
		win[i%k] = c
		best = max(best, sum)
	}
	return float64(best) / float64(k)
}

// BucketKey is the limiter's storage key: tenant, route and window start.
func BucketKey(tenant, route string, start int64) string {
	n := len(tenant) + 1 + len(route) + 1 + 20
	if len(tenant) > 64 || len(route) > 128 {
		return ""
	}
	b := make([]byte, 0, n)
	b = append(b, tenant...)
	b = append(b, '|')
	b = append(b, route...)
	b = append(b, '|')
	b = strconv.AppendInt(b, start, 10)
	return string(b)
}

// Windowed reports, for each of the last secs seconds, how many events fell in it, oldest first.
func Windowed(stamps []int64, now int64, secs int) []int {
	if secs > int(limits.MaxWindow) {
		secs = int(limits.MaxWindow)
	}
	out := make([]int, secs)
	for _, s := range stamps {
		age := now - s
		if age >= 0 && age < int64(secs) {
			out[secs-1-int(age)]++
		}
	}
	return out
}

// Shed decides, per tenant, whether to shed load, using one goroutine per tenant; the decisions
// are read after all are done.
func Shed(rates []float64, limit float64) int {
	if len(rates) > 64 {
		rates = rates[:64]
	}
	shed := make([]bool, len(rates))
	var wg sync.WaitGroup
	for i, r := range rates {
		wg.Add(1)
		go func(i int, r float64) {
			defer wg.Done()
			shed[i] = r > limit
		}(i, r)
	}
	wg.Wait()
	n := 0
	for _, s := range shed {
		if s {
			n++
		}
	}
	return n
}

// Tokens is a token bucket refilled per window.
type Tokens struct {
	mu       sync.Mutex
	capacity int
	history  []int
}

// Record keeps the last window's token counts for the status page.
func (t *Tokens) Record(counts []int, window int) {
	if window > int(limits.MaxWindow) {
		window = int(limits.MaxWindow)
	}
	h := make([]int, min(window, len(counts)))
	copy(h, counts)
	t.mu.Lock()
	t.history = h
	t.mu.Unlock()
}

// Retry formats a Retry-After header value for a limiter reset after d.
func Retry(d time.Duration, jitter int) string {
	secs := int(d / time.Second)
	if d%time.Second != 0 {
		secs++
	}
	if secs < 0 || secs > 3600 {
		secs = 3600
	}
	secs += jitter
	digits := 1
	for x := secs; x >= 10; x /= 10 {
		digits++
	}
	b := make([]byte, digits)
	for i := digits - 1; i >= 0; i-- {
		b[i] = byte('0' + secs%10)
		secs /= 10
	}
	return string(b)
}

package queue

import (
	"sync"
	"time"
)

// Limiter is a token bucket per destination domain.
type Limiter struct {
	mu     sync.Mutex
	rate   float64 // tokens per second
	burst  float64
	bucket map[string]*bucket
	now    func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// NewLimiter allows rate messages a second per domain with bursts of burst.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{rate: rate, burst: float64(burst), bucket: make(map[string]*bucket), now: time.Now}
}

// Allow takes a token for the domain if one is there.
func (l *Limiter) Allow(domain string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.bucket[domain]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.bucket[domain] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// AllowAll checks many domains concurrently (each under the limiter's lock) and counts the ones let through.
func (l *Limiter) AllowAll(domains []string) int {
	var wg sync.WaitGroup
	allowed := make([]bool, len(domains))
	for i, d := range domains {
		wg.Add(1)
		go func() {
			defer wg.Done()
			allowed[i] = l.Allow(d)
		}()
	}
	wg.Wait()
	n := 0
	for _, ok := range allowed {
		if ok {
			n++
		}
	}
	return n
}

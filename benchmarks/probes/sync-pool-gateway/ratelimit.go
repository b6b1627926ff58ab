package gateway

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limiter counts requests per key in fixed windows.
type Limiter struct {
	mu     sync.Mutex
	counts map[string]int
	window time.Duration
	keys   []*bytes.Buffer
}

// NewLimiter returns a limiter with the given window.
func NewLimiter(window time.Duration) *Limiter {
	return &Limiter{counts: map[string]int{}, window: window}
}

// Key builds a rate-limit key from the client, the route and the window's start.
func Key(client, route string, now time.Time, window time.Duration) string {
	var b bytes.Buffer
	b.WriteString(client)
	b.WriteByte('|')
	b.WriteString(route)
	b.WriteByte('|')
	b.WriteString(strconv.FormatInt(now.Truncate(window).Unix(), 10))
	return b.String()
}

// KeyFor builds the key of a request: the API key if any, else the client address.
func KeyFor(r *http.Request, now time.Time, window time.Duration) string {
	buf := new(bytes.Buffer)
	if k := r.Header.Get("X-Api-Key"); k != "" {
		buf.WriteString("key:")
		buf.WriteString(k)
	} else {
		host := r.RemoteAddr
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host = host[:i]
		}
		buf.WriteString("ip:")
		buf.WriteString(host)
	}
	buf.WriteByte('|')
	buf.WriteString(r.URL.Path)
	buf.WriteByte('|')
	buf.WriteString(strconv.FormatInt(now.Truncate(window).Unix(), 10))
	return buf.String()
}

// Allow counts a request against its key and reports whether it is under the limit.
func (l *Limiter) Allow(client, route string, now time.Time, limit int) bool {
	var b bytes.Buffer
	b.WriteString(client)
	b.WriteByte('|')
	b.WriteString(route)
	b.WriteByte('|')
	b.WriteString(strconv.FormatInt(now.Truncate(l.window).Unix(), 10))
	l.mu.Lock()
	defer l.mu.Unlock()
	l.counts[b.String()]++
	return l.counts[b.String()] <= limit
}

// Track builds a key and keeps its buffer in the limiter for the next window's sweep: stored, must stay allocated.
func (l *Limiter) Track(client, route string) {
	b := new(bytes.Buffer)
	b.WriteString(client)
	b.WriteByte('|')
	b.WriteString(route)
	l.mu.Lock()
	l.keys = append(l.keys, b)
	l.mu.Unlock()
}

// RetryAfter renders the Retry-After and X-RateLimit-Reset headers' values.
func RetryAfter(reset time.Time, now time.Time) string {
	var b bytes.Buffer
	secs := int64(reset.Sub(now) / time.Second)
	if secs < 0 {
		secs = 0
	}
	b.WriteString(strconv.FormatInt(secs, 10))
	b.WriteString(", reset=")
	b.WriteString(strconv.FormatInt(reset.Unix(), 10))
	return b.String()
}

// Package suppress keeps the addresses mail must not go to: hard bounces, complaints, unsubscribes.
package suppress

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"example.com/probes/mixed-mailer/limits"
)

// Reason is why an address is suppressed.
type Reason string

// Entry is one suppressed address.
type Entry struct {
	Reason Reason
	Since  time.Time
}

// List is safe for concurrent use.
type List struct {
	mu sync.RWMutex
	m  map[string]Entry
}

// New makes an empty list.
func New() *List { return &List{m: make(map[string]Entry)} }

// Add suppresses an address.
func (l *List) Add(addr string, r Reason, at time.Time) {
	l.mu.Lock()
	l.m[strings.ToLower(addr)] = Entry{r, at}
	l.mu.Unlock()
}

// Remove lifts a suppression.
func (l *List) Remove(addr string) {
	l.mu.Lock()
	delete(l.m, strings.ToLower(addr))
	l.mu.Unlock()
}

// Suppressed reports whether mail to addr must be dropped.
func (l *List) Suppressed(addr string) bool {
	l.mu.RLock()
	_, ok := l.m[strings.ToLower(addr)]
	l.mu.RUnlock()
	return ok
}

// Filter drops the suppressed recipients of one transaction.
func (l *List) Filter(rcpts []string) []string {
	keep := make([]string, 0, len(rcpts))
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, r := range rcpts {
		if _, ok := l.m[strings.ToLower(r)]; !ok {
			keep = append(keep, r)
		}
	}
	return keep
}

// Blocked counts the suppressed recipients of one transaction, checking at most the recipient limit.
func (l *List) Blocked(rcpts []string) int {
	n := min(len(rcpts), limits.MaxRecipients)
	hit := make([]bool, n)
	l.mu.RLock()
	for i := range hit {
		_, hit[i] = l.m[strings.ToLower(rcpts[i])]
	}
	l.mu.RUnlock()
	c := 0
	for _, h := range hit {
		if h {
			c++
		}
	}
	return c
}

// Prune lifts soft suppressions older than the cutoff, checking shards of the list concurrently.
func (l *List) Prune(cutoff time.Time, soft Reason) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	keys := make([]string, 0, len(l.m))
	for k := range l.m {
		keys = append(keys, k)
	}
	const shards = 4
	var wg sync.WaitGroup
	var drop [shards][]string
	for s := 0; s < shards; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s; i < len(keys); i += shards {
				if e := l.m[keys[i]]; e.Reason == soft && e.Since.Before(cutoff) {
					drop[s] = append(drop[s], keys[i])
				}
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, d := range drop {
		for _, k := range d {
			delete(l.m, k)
			n++
		}
	}
	return n
}

// Export writes the list sorted, one "address reason unix" line each.
func (l *List) Export(w io.Writer) error {
	l.mu.RLock()
	keys := make([]string, 0, len(l.m))
	for k := range l.m {
		keys = append(keys, k)
	}
	l.mu.RUnlock()
	sort.Strings(keys)
	bw := bufio.NewWriter(w)
	for _, k := range keys {
		l.mu.RLock()
		e := l.m[k]
		l.mu.RUnlock()
		fmt.Fprintf(bw, "%s %s %d\n", k, e.Reason, e.Since.Unix())
	}
	return bw.Flush()
}

// Import reads what Export writes.
func (l *List) Import(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		var addr, reason string
		var unix int64
		if _, err := fmt.Sscanf(sc.Text(), "%s %s %d", &addr, &reason, &unix); err != nil {
			return n, fmt.Errorf("line %d: %w", n+1, err)
		}
		l.Add(addr, Reason(reason), time.Unix(unix, 0))
		n++
	}
	return n, sc.Err()
}

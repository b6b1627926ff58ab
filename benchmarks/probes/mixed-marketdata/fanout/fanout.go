// Package fanout hands quotes to subscribers.
package fanout

import (
	"sync"

	"example.com/probes/mixed-marketdata/limits"
)

// Quote is a top-of-book quote.
type Quote struct {
	Symbol   string
	Bid, Ask int64
	Seq      uint64
}

// Subscriber receives quotes.
type Subscriber interface {
	OnQuote(Quote)
}

// Filter decides what a subscriber sees.
type Filter struct {
	Symbols map[string]bool
	MinSeq  uint64
}

func (f *Filter) allows(q Quote) bool {
	return q.Seq >= f.MinSeq && (len(f.Symbols) == 0 || f.Symbols[q.Symbol])
}

// Hub fans quotes out.
type Hub struct {
	mu   sync.RWMutex
	subs []Subscriber
}

// Subscribe adds a subscriber, up to the cap.
func (h *Hub) Subscribe(s Subscriber) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.subs) >= limits.MaxSubscribers {
		return false
	}
	h.subs = append(h.subs, s)
	return true
}

// Publish sends a batch to every subscriber, each on its own goroutine, through one filter.
func (h *Hub) Publish(batch []Quote, f Filter) int {
	h.mu.RLock()
	subs := h.subs
	h.mu.RUnlock()
	sent := make([]int, len(subs))
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range batch {
				if f.allows(q) {
					s.OnQuote(q)
					sent[i]++
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range sent {
		total += n
	}
	return total
}

// Snapshot copies the current subscribers into a bounded scratch slice and counts the non-nil ones.
func (h *Hub) Snapshot() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	scratch := make([]Subscriber, 0, limits.MaxSubscribers)
	for _, s := range h.subs {
		if s != nil {
			scratch = append(scratch, s)
		}
	}
	return len(scratch)
}

// Conflate keeps the latest quote per symbol, in a scratch list bounded by the batch cap.
func Conflate(batch []Quote) int {
	n := min(len(batch), limits.MaxBatch)
	seen := make([]string, 0, n)
	for _, q := range batch[:n] {
		dup := false
		for _, s := range seen {
			if s == q.Symbol {
				dup = true
				break
			}
		}
		if !dup {
			seen = append(seen, q.Symbol)
		}
	}
	return len(seen)
}

// Stream starts a publisher that keeps the filter; it outlives the call.
func (h *Hub) Stream(in <-chan Quote, f Filter) *Filter {
	go func() {
		for q := range in {
			if f.allows(q) {
				h.mu.RLock()
				for _, s := range h.subs {
					s.OnQuote(q)
				}
				h.mu.RUnlock()
			}
		}
	}()
	return &f
}

// Broadcast sends one quote with a sequence stamped before the goroutines and the status set after.
func (h *Hub) Broadcast(q Quote, seq *uint64) string {
	status := "sending"
	*seq++
	q.Seq = *seq
	h.mu.RLock()
	subs := h.subs
	h.mu.RUnlock()
	done := make(chan struct{})
	for _, s := range subs {
		go func() {
			s.OnQuote(q)
			done <- struct{}{}
		}()
	}
	for range subs {
		<-done
	}
	status = "sent"
	return status
}

package chat

import (
	"sort"
	"sync"
	"time"
)

// Receipt says a user read a message.
type Receipt struct {
	User    string
	Message int64
	At      time.Time
	Device  int
}

// Tally aggregates receipts per message.
type Tally struct {
	Message int64
	Readers int
	First   time.Time
	Weight  int
}

// weights scores receipts by device; its methods only read it.
type weights struct {
	byDevice [3]int
	vip      map[string]int
}

func (w *weights) score(r Receipt) int {
	s := 1
	if r.Device >= 0 && r.Device < len(w.byDevice) {
		s = w.byDevice[r.Device]
	}
	return s + w.vip[r.User]
}

// Aggregate tallies receipts per message, one goroutine per message's receipts.
func Aggregate(byMessage map[int64][]Receipt, vip map[string]int) []Tally {
	w := weights{byDevice: [3]int{1, 2, 2}, vip: vip}
	out := make([]Tally, 0, len(byMessage))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for id, rs := range byMessage {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := Tally{Message: id}
			users := map[string]bool{}
			for _, r := range rs {
				if !users[r.User] {
					users[r.User] = true
					t.Readers++
				}
				if t.First.IsZero() || r.At.Before(t.First) {
					t.First = r.At
				}
				t.Weight += w.score(r)
			}
			mu.Lock()
			out = append(out, t)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(out, func(i, j int) bool { return out[i].Message < out[j].Message })
	return out
}

// LastRead finds each user's latest read message across shards, in parallel.
func LastRead(shards [][]Receipt) map[string]int64 {
	last := map[string]int64{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, shard := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[string]int64{}
			for _, r := range shard {
				if r.Message > local[r.User] {
					local[r.User] = r.Message
				}
			}
			mu.Lock()
			for u, m := range local {
				if m > last[u] {
					last[u] = m
				}
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return last
}

// Unread counts each member's unread messages concurrently, given the newest message id.
func Unread(members []string, lastRead map[string]int64, newest int64) []int {
	if newest < 0 {
		newest = 0
	}
	counts := make([]int, len(members))
	var wg sync.WaitGroup
	for i, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if d := newest - lastRead[m]; d > 0 {
				counts[i] = int(d)
			}
		}()
	}
	wg.Wait()
	return counts
}

// Receipts collects receipts from the connections and flushes them in batches.
type Receipts struct {
	mu      sync.Mutex
	pending []Receipt
	flush   func([]Receipt)
	size    int
}

// Add queues r and flushes a full batch in the background; the flush gets the batch as
// it was when full.
func (rc *Receipts) Add(r Receipt) {
	rc.mu.Lock()
	rc.pending = append(rc.pending, r)
	if len(rc.pending) < rc.size {
		rc.mu.Unlock()
		return
	}
	batch := rc.pending
	rc.pending = nil
	rc.mu.Unlock()
	go rc.flush(batch)
}

// ScoreVIPs scores each receipt and, while the scores run, raises the weight of the first
// reader's device: scores computed after the raise see it.
func ScoreVIPs(rs []Receipt) []int {
	w := weights{byDevice: [3]int{1, 1, 1}, vip: map[string]int{}}
	scores := make([]int, len(rs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, r := range rs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			scores[i] = w.score(r)
			mu.Unlock()
		}()
		if i == 0 {
			mu.Lock()
			w.byDevice[r.Device%3] = 10
			mu.Unlock()
		}
	}
	wg.Wait()
	return scores
}

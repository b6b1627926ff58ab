package chat

import (
	"sort"
	"strings"
	"sync"
	"time"
)

// Kind says what a message is.
type Kind int

const (
	KindText Kind = iota
	KindJoin
	KindLeave
	KindEdit
)

// Message is one stored chat message.
type Message struct {
	ID     int64
	Room   string
	User   string
	Kind   Kind
	Text   string
	At     time.Time
	Edited bool
}

// Policy says which messages compaction keeps.
type Policy struct {
	KeepKinds [4]bool
	MaxAge    time.Duration
	Pinned    map[int64]bool
}

func (p *Policy) keeps(m Message, now time.Time) bool {
	if p.Pinned[m.ID] {
		return true
	}
	if int(m.Kind) < len(p.KeepKinds) && !p.KeepKinds[m.Kind] {
		return false
	}
	return p.MaxAge == 0 || now.Sub(m.At) <= p.MaxAge
}

// Compact drops the messages the policy no longer keeps, one goroutine per room's
// history (compacted in place), and returns the kept histories.
func Compact(histories map[string][]Message, maxAge time.Duration, pinned map[int64]bool, now time.Time) map[string][]Message {
	p := Policy{KeepKinds: [4]bool{true, false, false, true}, MaxAge: maxAge, Pinned: pinned}
	kept := make(map[string][]Message, len(histories))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for room, msgs := range histories {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out := msgs[:0]
			for _, m := range msgs {
				if p.keeps(m, now) {
					out = append(out, m)
				}
			}
			mu.Lock()
			kept[room] = out
			mu.Unlock()
		}()
	}
	wg.Wait()
	return kept
}

// CompactKeepingEdits compacts, but a caller asks to keep edits from the next room on:
// the rooms compacted after the change keep them.
func CompactKeepingEdits(histories map[string][]Message, now time.Time) map[string]int {
	p := Policy{KeepKinds: [4]bool{true, false, false, false}}
	kept := make(map[string]int, len(histories))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for room, msgs := range histories {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			n := 0
			for _, m := range msgs {
				if p.keeps(m, now) {
					n++
				}
			}
			kept[room] = n
		}()
		mu.Lock()
		p.KeepKinds[KindEdit] = true
		mu.Unlock()
	}
	wg.Wait()
	return kept
}

// Summary is a room's digest line.
type Summary struct {
	Room    string
	Count   int
	Authors []string
}

// Digest summarises each room's messages concurrently, sorted by room.
func Digest(histories map[string][]Message, limit int) []Summary {
	if limit <= 0 {
		limit = 5
	}
	out := make([]Summary, 0, len(histories))
	ch := make(chan Summary)
	for room, msgs := range histories {
		go func() {
			seen := map[string]bool{}
			var authors []string
			for _, m := range msgs {
				if !seen[m.User] && len(authors) < limit {
					seen[m.User] = true
					authors = append(authors, m.User)
				}
			}
			ch <- Summary{Room: room, Count: len(msgs), Authors: authors}
		}()
	}
	for range histories {
		out = append(out, <-ch)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Room < out[j].Room })
	return out
}

// Search finds messages containing the query in each room in parallel.
func Search(histories map[string][]Message, query string) []Message {
	query = strings.ToLower(strings.TrimSpace(query))
	var mu sync.Mutex
	var found []Message
	var wg sync.WaitGroup
	for _, msgs := range histories {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, m := range msgs {
				if strings.Contains(strings.ToLower(m.Text), query) {
					mu.Lock()
					found = append(found, m)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	sort.Slice(found, func(i, j int) bool { return found[i].ID < found[j].ID })
	return found
}

// Archiver writes old messages to cold storage.
type Archiver struct {
	mu      sync.Mutex
	archive func(room string, msgs []Message) error
	cutoff  time.Duration
	failed  []string
}

// Run archives every room's old messages concurrently and records the rooms that failed.
func (a *Archiver) Run(histories map[string][]Message, now time.Time) []string {
	cut := now.Add(-a.cutoff)
	var wg sync.WaitGroup
	for room, msgs := range histories {
		var old []Message
		for _, m := range msgs {
			if m.At.Before(cut) {
				old = append(old, m)
			}
		}
		if len(old) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := a.archive(room, old); err != nil {
				a.mu.Lock()
				a.failed = append(a.failed, room)
				a.mu.Unlock()
			}
		}()
	}
	wg.Wait()
	sort.Strings(a.failed)
	return a.failed
}

// Package book keeps per-symbol order books built from snapshots and deltas.
package book

import (
	"sort"
	"sync"

	"example.com/probes/mixed-marketdata/limits"
)

// Level is one price level.
type Level struct {
	Price int64
	Qty   int64
}

// Delta changes one level; Qty 0 deletes it.
type Delta struct {
	Bid   bool
	Price int64
	Qty   int64
}

// Book is one symbol's book.
type Book struct {
	Symbol string
	Bids   []Level
	Asks   []Level
}

// Snapshot is the top of a book.
type Snapshot struct {
	Symbol string
	Bids   [limits.MaxLevels]Level
	Asks   [limits.MaxLevels]Level
	NBids  int
	NAsks  int
}

// Apply applies one delta.
func (b *Book) Apply(d Delta) {
	side := &b.Asks
	if d.Bid {
		side = &b.Bids
	}
	for i := range *side {
		if (*side)[i].Price == d.Price {
			if d.Qty == 0 {
				*side = append((*side)[:i], (*side)[i+1:]...)
			} else {
				(*side)[i].Qty = d.Qty
			}
			return
		}
	}
	if d.Qty > 0 {
		*side = append(*side, Level{d.Price, d.Qty})
		sort.Slice(b.Bids, func(i, j int) bool { return b.Bids[i].Price > b.Bids[j].Price })
		sort.Slice(b.Asks, func(i, j int) bool { return b.Asks[i].Price < b.Asks[j].Price })
	}
}

// Snap copies the top levels out.
func (b *Book) Snap() Snapshot {
	s := Snapshot{Symbol: b.Symbol}
	s.NBids = copy(s.Bids[:], b.Bids)
	s.NAsks = copy(s.Asks[:], b.Asks)
	return s
}

// Depth sums quantity over the top n levels of both sides.
func (b *Book) Depth(n int) int64 {
	levels := make([]Level, 0, min(n, limits.MaxLevels)*2)
	levels = append(levels, b.Bids[:min(n, len(b.Bids))]...)
	levels = append(levels, b.Asks[:min(n, len(b.Asks))]...)
	var total int64
	for _, l := range levels {
		total += l.Qty
	}
	return total
}

// TopPrices returns the best n bid prices; the caller keeps them.
func (b *Book) TopPrices(n int) []int64 {
	out := make([]int64, 0, min(n, limits.MaxLevels))
	for i := 0; i < len(b.Bids) && len(out) < cap(out); i++ {
		out = append(out, b.Bids[i].Price)
	}
	return out
}

// Mid returns the mid price, computed from a scratch copy of the top levels.
func (b *Book) Mid(levels int) int64 {
	if levels > limits.MaxLevels {
		levels = limits.MaxLevels
	}
	scratch := make([]int64, levels)
	n := 0
	for i := 0; i < levels && i < len(b.Bids) && i < len(b.Asks); i++ {
		scratch[i] = (b.Bids[i].Price + b.Asks[i].Price) / 2
		n++
	}
	if n == 0 {
		return 0
	}
	return scratch[0]
}

// Store holds books by symbol.
type Store struct {
	mu    sync.Mutex
	books map[string]*Book
}

// NewStore makes a store.
func NewStore() *Store { return &Store{books: map[string]*Book{}} }

// ApplyAll applies deltas per symbol, one goroutine per symbol, and reports how many were applied.
func (s *Store) ApplyAll(deltas map[string][]Delta) int {
	var wg sync.WaitGroup
	applied := 0
	var mu sync.Mutex
	for sym, ds := range deltas {
		s.mu.Lock()
		b := s.books[sym]
		if b == nil {
			b = &Book{Symbol: sym}
			s.books[sym] = b
		}
		s.mu.Unlock()
		wg.Add(1)
		go func(b *Book, ds []Delta) {
			defer wg.Done()
			for _, d := range ds {
				b.Apply(d)
			}
			mu.Lock()
			applied += len(ds)
			mu.Unlock()
		}(b, ds)
	}
	wg.Wait()
	return applied
}

// Snapshots takes every book's snapshot concurrently into a fixed table.
func (s *Store) Snapshots(symbols []string) []Snapshot {
	var table [limits.MaxSymbols]Snapshot
	n := min(len(symbols), limits.MaxSymbols)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		s.mu.Lock()
		b := s.books[symbols[i]]
		s.mu.Unlock()
		if b == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			table[i] = b.Snap()
		}()
	}
	wg.Wait()
	return append([]Snapshot(nil), table[:n]...)
}

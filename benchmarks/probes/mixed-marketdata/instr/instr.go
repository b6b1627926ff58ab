// Package instr prices instruments held behind interfaces in any-typed maps.
package instr

import (
	"fmt"
	"strings"
	"sync"
)

// Instrument is anything tradable.
type Instrument interface {
	Symbol() string
	TickSize() int64
}

// Pricer values an instrument.
type Pricer interface {
	Price(Instrument) int64
}

// Equity is a listed stock.
type Equity struct {
	Sym  string
	Tick int64
}

// Symbol returns the symbol.
func (e Equity) Symbol() string { return e.Sym }

// TickSize returns the tick.
func (e Equity) TickSize() int64 { return e.Tick }

// Future is a dated future.
type Future struct {
	Root   string
	Expiry string
	Tick   int64
}

// Symbol returns the root and expiry.
func (f *Future) Symbol() string { return f.Root + f.Expiry }

// TickSize returns the tick.
func (f *Future) TickSize() int64 { return f.Tick }

// Mark prices from a last-price table.
type Mark struct {
	Last map[string]int64
}

// Price looks up the last price.
func (m Mark) Price(i Instrument) int64 { return m.Last[i.Symbol()] }

// Options configures a valuation run; extras are venue-specific.
type Options struct {
	Pricer Pricer
	Extra  map[string]any
}

// Registry keeps instruments by symbol in an any-typed map (some venues store raw configs there).
type Registry struct {
	mu    sync.Mutex
	items map[string]any
}

// NewRegistry makes a registry.
func NewRegistry() *Registry { return &Registry{items: map[string]any{}} }

// Add stores an instrument.
func (r *Registry) Add(i Instrument) {
	r.mu.Lock()
	r.items[i.Symbol()] = i
	r.mu.Unlock()
}

// Value prices every instrument in syms with opts.Pricer.
func (r *Registry) Value(syms []string, opts Options) int64 {
	var total int64
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range syms {
		if i, ok := r.items[s].(Instrument); ok {
			total += opts.Pricer.Price(i)
		}
	}
	return total
}

// Ticks rounds a price to the instrument's tick; the instrument is built here and priced through the interface.
func Ticks(sym string, tick, price int64) int64 {
	var i Instrument = Equity{Sym: sym, Tick: tick}
	t := i.TickSize()
	if t == 0 {
		return price
	}
	return price / t * t
}

// Describe renders an instrument's extras, sorted by key count only.
func Describe(i Instrument, opts Options) string {
	parts := make([]string, 0, len(opts.Extra))
	for k, v := range opts.Extra {
		parts = append(parts, fmt.Sprintf("%s=%v", k, v))
	}
	return i.Symbol() + " " + strings.Join(parts, ",")
}

// FrontMonth picks the future with the earliest expiry from a list of candidates built here.
func FrontMonth(root string, expiries []string, tick int64) string {
	best := ""
	for _, e := range expiries {
		f := Future{Root: root, Expiry: e, Tick: tick}
		var i Instrument = &f
		if best == "" || i.Symbol() < best {
			best = i.Symbol()
		}
	}
	return best
}

// Defaults returns the venue's default options; the caller keeps them.
func Defaults(p Pricer) Options {
	return Options{Pricer: p, Extra: map[string]any{"venue": "XNAS", "lot": 100}}
}

// Lot reads the lot size from any-typed extras, asserting the type.
func Lot(opts Options) int {
	if v, ok := opts.Extra["lot"].(int); ok {
		return v
	}
	return 1
}

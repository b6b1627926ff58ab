// Package facets builds search facets and filters over product options, whose values are any-typed.
package facets

import (
	"fmt"
	"sort"
	"strings"

	"example.com/probes/mixed-commerce/limits"
)

// Product is a product with free-form options ("color": "red", "size": 42, "organic": true).
type Product struct {
	SKU     string
	Price   int64
	Options map[string]any
}

// Filter is one search filter.
type Filter interface {
	Match(p *Product) bool
}

// Equals matches an option equal to a value.
type Equals struct {
	Key   string
	Value any
}

// Match reports whether the option equals the value.
func (e Equals) Match(p *Product) bool { return p.Options[e.Key] == e.Value }

// PriceRange matches a price in [Min, Max].
type PriceRange struct{ Min, Max int64 }

// Match reports whether the price is in range.
func (r PriceRange) Match(p *Product) bool { return p.Price >= r.Min && p.Price <= r.Max }

// Kind of a facet.
type Kind int

const (
	KindText Kind = iota
	KindNumber
	KindBool
	numKinds
)

var kindNames = [numKinds]string{"text", "number", "bool"}

// KindOf says which kind of facet an option value makes.
func KindOf(v any) Kind {
	switch v.(type) {
	case int, int64, float64:
		return KindNumber
	case bool:
		return KindBool
	}
	return KindText
}

// KindName names the kind of an option value.
func KindName(v any) string { return kindNames[KindOf(v)] }

// InStock filters products with a price range and a color, the filters built for this search only.
func InStock(ps []Product, lo, hi int64, color string) int {
	fs := []Filter{PriceRange{lo, hi}, Equals{"color", color}}
	n := 0
	for i := range ps {
		ok := true
		for _, f := range fs {
			if !f.Match(&ps[i]) {
				ok = false
				break
			}
		}
		if ok {
			n++
		}
	}
	return n
}

// Cheap counts products under a price.
func Cheap(ps []Product, under int64) int {
	var f Filter = PriceRange{0, under}
	n := 0
	for i := range ps {
		if f.Match(&ps[i]) {
			n++
		}
	}
	return n
}

// Counts counts the values of one option over the products, top MaxFacets values.
func Counts(ps []Product, key string) []string {
	seen := make(map[string]int)
	for _, p := range ps {
		if v, ok := p.Options[key]; ok {
			seen[fmt.Sprint(v)]++
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > limits.MaxFacets {
		keys = keys[:limits.MaxFacets]
	}
	return keys
}

// Histogram counts products per kind of an option value.
func Histogram(ps []Product, key string) [numKinds]int {
	var h [numKinds]int
	for _, p := range ps {
		if v, ok := p.Options[key]; ok {
			h[KindOf(v)]++
		}
	}
	return h
}

// Sizes collects the numeric sizes of the products, as many as a facet panel shows.
func Sizes(ps []Product) []int {
	sizes := make([]int, 0, limits.MaxFacets)
	for _, p := range ps {
		if s, ok := p.Options["size"].(int); ok && len(sizes) < limits.MaxFacets {
			sizes = append(sizes, s)
		}
	}
	sort.Ints(sizes)
	return append([]int(nil), sizes...)
}

// Default fills a product's options with defaults, read back through the map.
func Default(p Product) string {
	opts := map[string]any{"color": "black", "organic": false}
	for k, v := range p.Options {
		opts[k] = v
	}
	if c, ok := opts["color"].(string); ok {
		return strings.ToUpper(c)
	}
	return ""
}

// Describe renders a product's options in key order as "k=v".
func Describe(p Product) string {
	keys := make([]string, 0, len(p.Options))
	for k := range p.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%v", k, p.Options[k])
	}
	return b.String()
}

// Saved is a saved search: its filters are kept for the next visit.
type Saved struct{ Filters []Filter }

// Save keeps a color filter in the saved search.
func (s *Saved) Save(color string) {
	f := Equals{"color", color}
	s.Filters = append(s.Filters, f)
}

// Organic reports whether a product is marked organic.
func Organic(p Product) bool {
	var f Filter = Equals{"organic", true}
	return f.Match(&p)
}

// Package bloom probes a k-mer Bloom filter.
package bloom

import "example.com/probes/make-const-bio/seq"

// Filter is a Bloom filter over k-mer codes.
type Filter struct {
	bits []uint64
	k    int
}

// New returns a filter of m bits using k hashes; the bits are kept.
func New(m, k int) *Filter {
	return &Filter{bits: make([]uint64, (m+63)/64), k: k}
}

func (f *Filter) positions(v uint64, out []uint64) {
	h1, h2 := v*0x9E3779B97F4A7C15, v^0xC2B2AE3D27D4EB4F
	m := uint64(len(f.bits)) * 64
	for i := range out {
		out[i] = (h1 + uint64(i)*h2) % m
	}
}

// Has reports whether a k-mer may be in the filter, computing its probe positions first.
func (f *Filter) Has(v uint64) bool {
	if f.k < 1 || f.k > seq.NumHashes {
		return false
	}
	pos := make([]uint64, f.k)
	f.positions(v, pos)
	for _, p := range pos {
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// Add inserts a k-mer, with as many hashes as the package default.
func (f *Filter) Add(v uint64) {
	pos := make([]uint64, seq.NumHashes)
	f.positions(v, pos)
	for _, p := range pos {
		f.bits[p/64] |= 1 << (p % 64)
	}
}

// Probe checks n hashes of a k-mer, n clamped to the package's maximum.
func (f *Filter) Probe(v uint64, n int) bool {
	n = max(1, min(n, seq.NumHashes))
	pos := make([]uint64, n)
	f.positions(v, pos)
	for _, p := range pos {
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// Hits counts how many k-mers of a read may be present.
func (f *Filter) Hits(read []byte, k int) int {
	if k < 1 || k > seq.MaxK || len(read) > seq.MaxReadLen || len(read) < k {
		return 0
	}
	hit := make([]bool, len(read)-k+1)
	var v uint64
	for i, b := range read {
		c, _ := seq.Code(b)
		v = v<<2 | uint64(c)
		if i >= k-1 {
			hit[i-k+1] = f.Has(v & (1<<(2*uint(k)) - 1))
		}
	}
	n := 0
	for _, h := range hit {
		if h {
			n++
		}
	}
	return n
}

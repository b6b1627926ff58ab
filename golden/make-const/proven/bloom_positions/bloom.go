// Package bloom keeps the set of breached password hashes a sign-up form checks against: k bit positions per
// key by double hashing, k chosen once from the expected count and the false-positive rate.
package bloom

import (
	"errors"
	"hash/fnv"
	"math"
)

const maxHashes = 16

var errSize = errors.New("bloom: bad size")

// Filter is a bloom filter of m bits and k positions per key.
type Filter struct {
	bits []uint64
	m    uint64
	k    int
}

// New sizes a filter for n keys at false-positive rate p.
func New(n int, p float64) (*Filter, error) {
	if n <= 0 || p <= 0 || p >= 1 {
		return nil, errSize
	}
	m := uint64(math.Ceil(-float64(n) * math.Log(p) / (math.Ln2 * math.Ln2)))
	k := int(math.Round(float64(m) / float64(n) * math.Ln2))
	return &Filter{bits: make([]uint64, (m+63)/64), m: m, k: min(max(k, 1), maxHashes)}, nil
}

func (f *Filter) positions(key []byte, at []uint64) {
	h := fnv.New64a()
	h.Write(key)
	h1 := h.Sum64()
	h2 := h1>>33 | h1<<31
	for i := range at {
		at[i] = (h1 + uint64(i)*h2) % f.m
	}
}

// Add inserts key.
func (f *Filter) Add(key []byte) {
	at := make([]uint64, f.k) // want(<go1.25) "make\\(\\[\\]uint64, f.k\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]uint64, f.k\\) does not escape"
	f.positions(key, at)
	for _, p := range at {
		f.bits[p/64] |= 1 << (p % 64)
	}
}

// Has reports whether key may be in the set: false means it is not.
func (f *Filter) Has(key []byte) bool {
	for i := range f.k {
		h := fnv.New64a()
		h.Write(key)
		h1 := h.Sum64()
		p := (h1 + uint64(i)*(h1>>33|h1<<31)) % f.m
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// Package filter holds the probabilistic sets a login service keeps: bloom filters of breached
// passwords and cuckoo filters of revoked token IDs.
package filter

import (
	"errors"
	"hash/fnv"
	"math"
)

const maxHashes = 16

var errSize = errors.New("filter: bad size")

// Bloom is a bloom filter with k hash functions over m bits.
type Bloom struct {
	bits []uint64
	m    uint64
	k    int
}

// NewBloom sizes a filter for n items at false-positive rate p.
func NewBloom(n int, p float64) (*Bloom, error) {
	if n <= 0 || p <= 0 || p >= 1 {
		return nil, errSize
	}
	m := uint64(math.Ceil(-float64(n) * math.Log(p) / (math.Ln2 * math.Ln2)))
	k := int(math.Round(float64(m) / float64(n) * math.Ln2))
	k = min(max(k, 1), maxHashes)
	return &Bloom{bits: make([]uint64, (m+63)/64), m: m, k: k}, nil
}

func (b *Bloom) locations(key []byte, locs []uint64) {
	h := fnv.New64a()
	h.Write(key)
	h1 := h.Sum64()
	h2 := h1>>33 | h1<<31
	for i := range locs {
		locs[i] = (h1 + uint64(i)*h2) % b.m
	}
}

// Add inserts key.
func (b *Bloom) Add(key []byte) {
	locs := make([]uint64, b.k)
	b.locations(key, locs)
	for _, l := range locs {
		b.bits[l/64] |= 1 << (l % 64)
	}
}

// Has reports whether key may be in the set.
func (b *Bloom) Has(key []byte) bool {
	locs := make([]uint64, b.k)
	b.locations(key, locs)
	for _, l := range locs {
		if b.bits[l/64]&(1<<(l%64)) == 0 {
			return false
		}
	}
	return true
}

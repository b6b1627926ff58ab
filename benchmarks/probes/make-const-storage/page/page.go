// Package page lays out slotted B-tree pages and bloom filters.
package page

import (
	"encoding/binary"
	"hash/fnv"
	"slices"

	"example.com/storetel/layout"
)

// Page is one slotted page: a 24-byte header, a slot array growing up, cells growing down.
type Page [layout.PageSize]byte

// header fields
const (
	offFlags  = 0
	offSlots  = 2
	offFree   = 4
	offLSN    = 8
	cellAlign = 8
)

func (p *Page) slots() int { return int(binary.LittleEndian.Uint16(p[offSlots:])) }

func (p *Page) slot(i int) uint16 {
	return binary.LittleEndian.Uint16(p[int(layout.PageHeader)+i*int(layout.SlotSize):])
}

// Fragmentation returns the bytes lost between cells, or -1 for a corrupt page.
func (p *Page) Fragmentation() int {
	n := p.slots()
	if n*int(layout.SlotSize) > len(p)-int(layout.PageHeader) {
		return -1
	}
	offs := make([]uint16, n)
	for i := range offs {
		offs[i] = p.slot(i)
	}
	slices.Sort(offs)
	lost := 0
	for i := 1; i < len(offs); i++ {
		if gap := int(offs[i]-offs[i-1]) % cellAlign; gap != 0 {
			lost += cellAlign - gap
		}
	}
	return lost
}

// LiveSlots counts the distinct cell offsets of a page, trusting at most MaxSlots slots.
func (p *Page) LiveSlots() int {
	n := min(p.slots(), int(layout.MaxSlots))
	seen := make([]uint16, 0, n)
	for i := 0; i < n; i++ {
		off := p.slot(i)
		if off == 0 || slices.Contains(seen, off) {
			continue
		}
		seen = append(seen, off)
	}
	return len(seen)
}

const order = 32

// Node is an in-memory B-tree node.
type Node struct {
	keys [order - 1]uint64
	kids [order]*Node
	n    int
}

// Median returns the key a split would push up.
func (nd *Node) Median() uint64 {
	n := min(nd.n, len(nd.keys))
	keys := make([]uint64, n)
	copy(keys, nd.keys[:n])
	slices.Sort(keys)
	if n == 0 {
		return 0
	}
	return keys[n/2]
}

// Search finds k among the first nd.n keys.
func (nd *Node) Search(k uint64) int {
	keys := make([]uint64, nd.n)
	copy(keys, nd.keys[:])
	i, _ := slices.BinarySearch(keys, k)
	return i
}

// Depths returns the depth of every leaf under nd, the caller keeps them.
func (nd *Node) Depths() []int {
	out := make([]int, 0, nd.n+1)
	var walk func(*Node, int)
	walk = func(x *Node, d int) {
		if x == nil {
			return
		}
		if x.kids[0] == nil {
			out = append(out, d)
			return
		}
		for _, c := range x.kids[:x.n+1] {
			walk(c, d+1)
		}
	}
	walk(nd, 0)
	return out
}

// PrefixLen returns the longest prefix the keys of a page share, at most MaxKey.
func PrefixLen(keys [][]byte) int {
	if len(keys) == 0 {
		return 0
	}
	first := keys[0]
	if len(first) > layout.MaxKey {
		first = first[:layout.MaxKey]
	}
	prefix := make([]byte, len(first))
	copy(prefix, first)
	for _, k := range keys[1:] {
		i := 0
		for i < len(prefix) && i < len(k) && prefix[i] == k[i] {
			i++
		}
		prefix = prefix[:i]
	}
	return len(prefix)
}

// Filter is a bloom filter.
type Filter struct {
	bits []uint64
	k    int
}

const maxHashes = 16

// NewFilter sizes a filter for n keys at about 10 bits each.
func NewFilter(n, k int) *Filter {
	words := make([]uint64, (n*10+63)/64+1)
	return &Filter{bits: words, k: k}
}

func (f *Filter) positions(key []byte, pos []uint32) {
	h := fnv.New64a()
	h.Write(key)
	sum := h.Sum64()
	h1, h2 := uint32(sum), uint32(sum>>32)
	m := uint32(len(f.bits) * 64)
	for i := range pos {
		pos[i] = (h1 + uint32(i)*h2) % m
	}
}

// MayContain reports whether key may have been added.
func (f *Filter) MayContain(key []byte) bool {
	k := f.k
	if k > maxHashes {
		k = maxHashes
	}
	pos := make([]uint32, k)
	f.positions(key, pos)
	for _, p := range pos {
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// Add adds key.
func (f *Filter) Add(key []byte) {
	pos := make([]uint32, f.k)
	f.positions(key, pos)
	for _, p := range pos {
		f.bits[p/64] |= 1 << (p % 64)
	}
}

// Popcounts returns the set bits of each of the filter's first words, for a size estimate.
func (f *Filter) Popcount(words int) int {
	if words <= 0 || words > 128 {
		return 0
	}
	counts := make([]uint8, words)
	for i := range counts {
		w := f.bits[i%len(f.bits)]
		for w != 0 {
			counts[i]++
			w &= w - 1
		}
	}
	total := 0
	for _, c := range counts {
		total += int(c)
	}
	return total
}

// Package keys indexes short keys (up to MaxKey bytes) by their prefixes and
// suffixes, for autocomplete and suffix search.
package keys

import (
	"errors"
	"slices"
	"sort"
)

// MaxKey is the longest key the autocomplete index stores.
const MaxKey = 32

// MaxPrefix is the longest prefix the completer matches on.
const MaxPrefix = 8

var errKey = errors.New("keys: key too long")

// LongestRepeat is the length of the longest substring occurring twice in the
// key, from its suffix array and LCP array.
func LongestRepeat(key string) (int, error) {
	if len(key) > MaxKey {
		return 0, errKey
	}
	sa := make([]int, len(key))
	for i := range sa {
		sa[i] = i
	}
	sort.Slice(sa, func(a, b int) bool { return key[sa[a]:] < key[sa[b]:] })
	best := 0
	for i := 1; i < len(sa); i++ {
		a, b := key[sa[i-1]:], key[sa[i]:]
		l := 0
		for l < len(a) && l < len(b) && a[l] == b[l] {
			l++
		}
		best = max(best, l)
	}
	return best, nil
}

// SuffixRanks returns the rank of each suffix of a key, sorted in place by a
// hand-written insertion sort (keys are short).
func SuffixRanks(key string) int {
	if len(key) > MaxKey {
		key = key[:MaxKey]
	}
	sa := make([]int8, len(key))
	for i := range sa {
		sa[i] = int8(i)
		for j := i; j > 0 && key[sa[j]:] < key[sa[j-1]:]; j-- {
			sa[j], sa[j-1] = sa[j-1], sa[j]
		}
	}
	h := 0
	for _, s := range sa {
		h = h*33 + int(s)
	}
	return h
}

// PrefixHashes hashes each prefix of the key up to MaxPrefix bytes, the keys
// the completer's buckets use, and counts those present.
func PrefixHashes(key string, buckets map[uint32]bool) int {
	n := min(len(key), MaxPrefix)
	hs := make([]uint32, n)
	h := uint32(2166136261)
	for i := 0; i < n; i++ {
		h = (h ^ uint32(key[i])) * 16777619
		hs[i] = h
	}
	found := 0
	for _, x := range hs {
		if buckets[x] {
			found++
		}
	}
	return found
}

// Reverse writes the key reversed into a scratch buffer for the suffix
// index and returns its hash.
func Reverse(key string) uint32 {
	if len(key) > MaxKey {
		return 0
	}
	r := make([]byte, len(key))
	for i := 0; i < len(key); i++ {
		r[len(key)-1-i] = key[i]
	}
	h := uint32(2166136261)
	for _, c := range r {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// Completer holds sorted keys.
type Completer struct {
	keys  []string
	limit int
}

// NewCompleter checks the result limit against a page.
func NewCompleter(keys []string, limit int) (*Completer, error) {
	if limit < 1 || limit > 50 {
		return nil, errors.New("keys: bad limit")
	}
	ks := slices.Clone(keys)
	slices.Sort(ks)
	return &Completer{keys: ks, limit: limit}, nil
}

// Count is how many completions of prefix there are, up to the limit, with
// their lengths gathered for ranking.
func (c *Completer) Count(prefix string) int {
	i := sort.SearchStrings(c.keys, prefix)
	lens := make([]int, 0, c.limit)
	for ; i < len(c.keys) && len(lens) < c.limit; i++ {
		k := c.keys[i]
		if len(k) < len(prefix) || k[:len(prefix)] != prefix {
			break
		}
		lens = append(lens, len(k))
	}
	slices.Sort(lens)
	return len(lens)
}

// Complete returns up to limit completions; the caller keeps them.
func (c *Completer) Complete(prefix string) []string {
	i := sort.SearchStrings(c.keys, prefix)
	out := make([]string, 0, c.limit)
	for ; i < len(c.keys) && len(out) < c.limit; i++ {
		k := c.keys[i]
		if len(k) < len(prefix) || k[:len(prefix)] != prefix {
			break
		}
		out = append(out, k)
	}
	return out
}

// CommonPrefix is the length of the longest common prefix of all keys,
// over a copy of each key's first MaxKey bytes.
func CommonPrefix(keys []string) int {
	if len(keys) == 0 {
		return 0
	}
	first := keys[0]
	if len(first) > MaxKey {
		first = first[:MaxKey]
	}
	p := make([]byte, len(first))
	copy(p, first)
	n := len(p)
	for _, k := range keys[1:] {
		l := 0
		for l < n && l < len(k) && k[l] == p[l] {
			l++
		}
		n = l
	}
	return n
}

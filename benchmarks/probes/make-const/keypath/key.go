// Package keypath builds and splits the store's hierarchical keys ("a/b/c").
package keypath

import (
	"errors"
	"hash/fnv"
	"strings"

	"example.com/wire/limits"
)

var errKey = errors.New("keypath: bad key")

const sep = '/'

// Depth returns how many segments a key has, refusing keys deeper than limits.MaxDepth.
func Depth(key string) (int, error) {
	if len(key) == 0 || len(key) > limits.MaxKey {
		return 0, errKey
	}
	n := strings.Count(key, "/") + 1
	if n > limits.MaxDepth {
		return 0, errKey
	}
	segs := make([]string, 0, n)
	for len(key) > 0 {
		i := strings.IndexByte(key, sep)
		if i < 0 {
			segs = append(segs, key)
			break
		}
		segs = append(segs, key[:i])
		key = key[i+1:]
	}
	for _, s := range segs {
		if s == "" {
			return 0, errKey
		}
	}
	return len(segs), nil
}

// Join joins segments into a key and returns its hash; the key stays local.
func Join(segs ...string) (uint64, error) {
	if len(segs) > limits.MaxDepth {
		return 0, errKey
	}
	size := len(segs) - 1
	for _, s := range segs {
		if len(s) > limits.MaxLabel {
			return 0, errKey
		}
		size += len(s)
	}
	if size < 0 {
		return 0, errKey
	}
	buf := make([]byte, 0, size)
	for i, s := range segs {
		if i > 0 {
			buf = append(buf, sep)
		}
		buf = append(buf, s...)
	}
	h := fnv.New64a()
	h.Write(buf)
	return h.Sum64(), nil
}

// Parent returns the hash of the key's parent (everything before its last separator).
func Parent(key string) (uint64, error) {
	if len(key) > limits.MaxKey {
		return 0, errKey
	}
	i := strings.LastIndexByte(key, sep)
	if i <= 0 {
		return 0, errKey
	}
	parent := make([]byte, i)
	copy(parent, key)
	h := fnv.New64a()
	h.Write(parent)
	return h.Sum64(), nil
}

// Lower folds an ASCII key to lower case into a buffer it hashes.
func Lower(key string) (uint32, error) {
	if uint(len(key)) > limits.MaxKey {
		return 0, errKey
	}
	low := make([]byte, len(key))
	for i := 0; i < len(key); i++ {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	h := fnv.New32a()
	h.Write(low)
	return h.Sum32(), nil
}

// Segments is a parsed key.
type Segments struct {
	parts []string
}

// Split parses a key into Segments; the parts are kept in the result.
func Split(key string) (Segments, error) {
	if len(key) > limits.MaxKey {
		return Segments{}, errKey
	}
	parts := make([]string, 0, strings.Count(key, "/")+1)
	parts = append(parts, strings.Split(key, "/")...)
	return Segments{parts: parts}, nil
}

// Prefixes hashes every prefix of a key's segments ("a", "a/b", "a/b/c").
func Prefixes(key string) (uint64, error) {
	segs := strings.SplitN(key, "/", limits.MaxDepth+1)
	if len(segs) > limits.MaxDepth {
		return 0, errKey
	}
	sums := make([]uint64, len(segs))
	h := fnv.New64a()
	for i, s := range segs {
		if i > 0 {
			h.Write([]byte{sep})
		}
		h.Write([]byte(s))
		sums[i] = h.Sum64()
	}
	var x uint64
	for _, s := range sums {
		x ^= s
	}
	return x, nil
}

// Label validates a DNS-style label and returns its lower-cased hash.
func Label(l string) (uint32, error) {
	if n := len(l); n == 0 || n > limits.MaxLabel {
		return 0, errKey
	}
	buf := make([]byte, len(l))
	for i := 0; i < len(l); i++ {
		c := l[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	h := fnv.New32a()
	h.Write(buf)
	return h.Sum32(), nil
}

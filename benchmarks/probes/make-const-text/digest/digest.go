// Package digest holds checksum helpers, digest encodings, a ring buffer and sliding windows.
package digest

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"sort"
	"sync"
)

var errWindow = errors.New("digest: bad window")

// MaxWindow is the most samples a window holds.
const MaxWindow = 256

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// HexSum returns the hex SHA-256 of data.
func HexSum(data []byte) string {
	sum := sha256.Sum256(data)
	dst := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(dst, sum[:])
	return string(dst)
}

// ShortID returns the first n base32 characters of data's SHA-256, n at most the whole encoding.
func ShortID(data []byte, n int) string {
	sum := sha256.Sum256(data)
	enc := make([]byte, b32.EncodedLen(len(sum)))
	b32.Encode(enc, sum[:])
	n = min(max(n, 1), len(enc))
	return string(enc[:n])
}

// Fold returns a 64-bit FNV-1a of the lower-cased key.
func Fold(key string) uint64 {
	if len(key) > 128 {
		key = key[:128]
	}
	low := make([]byte, len(key))
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	h := fnv.New64a()
	h.Write(low)
	return h.Sum64()
}

// Fletcher16 sums data in blocks of at most blockLen bytes, copying each block first.
func Fletcher16(data []byte) uint16 {
	const blockLen = 64
	var a, b uint16
	for len(data) > 0 {
		n := min(len(data), blockLen)
		blk := make([]byte, n)
		copy(blk, data[:n])
		data = data[n:]
		for _, c := range blk {
			a = (a + uint16(c)) % 255
			b = (b + a) % 255
		}
	}
	return b<<8 | a
}

// Ring keeps the last MaxWindow samples.
type Ring struct {
	mu   sync.Mutex
	buf  [MaxWindow]float64
	next int
	n    int
}

// Add records a sample.
func (r *Ring) Add(v float64) {
	r.mu.Lock()
	r.buf[r.next] = v
	r.next = (r.next + 1) % len(r.buf)
	r.n = min(r.n+1, len(r.buf))
	r.mu.Unlock()
}

// Median returns the median of the last k samples.
func (r *Ring) Median(k int) float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	k = min(k, r.n)
	if k <= 0 {
		return 0
	}
	tmp := make([]float64, k)
	for i := range tmp {
		tmp[i] = r.buf[(r.next-1-i+len(r.buf))%len(r.buf)]
	}
	sort.Float64s(tmp)
	return tmp[k/2]
}

// Snapshot returns the samples oldest first; the caller keeps the slice.
func (r *Ring) Snapshot() []float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]float64, r.n)
	for i := range out {
		out[i] = r.buf[(r.next-r.n+i+len(r.buf))%len(r.buf)]
	}
	return out
}

// MovingMax returns the largest window-sample sum over xs.
func MovingMax(xs []float64, window int) (float64, error) {
	if window <= 0 || window > MaxWindow {
		return 0, errWindow
	}
	win := make([]float64, window)
	best, sum := 0.0, 0.0
	for i, x := range xs {
		j := i % window
		sum += x - win[j]
		win[j] = x
		if i >= window-1 && sum > best {
			best = sum
		}
	}
	return best, nil
}

// Smooth returns the moving averages of xs; the result is kept by the caller.
func Smooth(xs []float64, window int) []float64 {
	if window <= 0 || window > len(xs) {
		return nil
	}
	out := make([]float64, 0, len(xs)-window+1)
	sum := 0.0
	for i, x := range xs {
		sum += x
		if i >= window {
			sum -= xs[i-window]
		}
		if i >= window-1 {
			out = append(out, sum/float64(window))
		}
	}
	return out
}

// Percentile returns the p-th percentile of at most MaxWindow samples.
func Percentile(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	if len(xs) > MaxWindow {
		xs = xs[len(xs)-MaxWindow:]
	}
	s := make([]float64, len(xs))
	copy(s, xs)
	sort.Float64s(s)
	p = min(max(p, 0), 100)
	return s[(len(s)-1)*p/100]
}

// Async hashes data in the background once the caller has settled how much of it to take.
func Async(data []byte, chunk int) uint32 {
	size := min(chunk, 1024)
	var wg sync.WaitGroup
	var total uint32
	start := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		tmp := make([]byte, size)
		n := copy(tmp, data)
		var h uint32
		for _, c := range tmp[:n] {
			h = h*31 + uint32(c)
		}
		total = h
	}()
	if len(data) > size {
		size = len(data)
	}
	close(start)
	wg.Wait()
	return total
}

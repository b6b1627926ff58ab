package di

import (
	"container/heap"
	"crypto/sha256"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
	"sort"
	"strings"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// Shortest sorts a copy by length.
func Shortest(words []string) string {
	var tmp [8]string
	n := copy(tmp[:], words)
	sort.Sort(byLen(tmp[:n]))
	if n == 0 {
		return ""
	}
	return tmp[0]
}

type intHeap []int

func (h intHeap) Len() int           { return len(h) }
func (h intHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h intHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *intHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *intHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

// Smallest pops the k smallest through container/heap.
func Smallest(xs []int, k int) int {
	h := intHeap(append([]int(nil), xs...))
	heap.Init(&h)
	sum := 0
	for i := 0; i < k && h.Len() > 0; i++ {
		sum += heap.Pop(&h).(int)
	}
	return sum
}

// Checksum picks a hash by name and sums the data.
func Checksum(kind, data string) uint64 {
	var h hash.Hash
	switch kind {
	case "crc":
		h = crc32.NewIEEE()
	case "sha":
		h = sha256.New()
	default:
		h = fnv.New64a()
	}
	io.WriteString(h, data)
	sum := h.Sum(nil)
	var v uint64
	for _, b := range sum[:8] {
		v = v<<8 | uint64(b)
	}
	return v
}

// counter counts bytes.
type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// Tee writes to two counters through io.MultiWriter.
func Tee(s string) int {
	var a, b counter
	w := io.MultiWriter(&a, &b)
	io.WriteString(w, s)
	return a.n + b.n
}

// Fnv hashes with a local hash.Hash64 held as an interface.
func Fnv(s string) uint64 {
	var h hash.Hash64 = fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// WriteAll uses a method value stored in a local.
func WriteAll(parts []string) int {
	var c counter
	write := c.Write
	for _, p := range parts {
		write([]byte(p))
	}
	return c.n
}

// Emit holds a writer interface and a method value of it.
func Emit(parts []string) int {
	var c counter
	var w io.Writer = &c
	write := w.Write
	for _, p := range parts {
		write([]byte(p))
	}
	return c.n
}

// Upper builds a sorted, upper-cased list with a sorter chosen by a flag.
func Upper(words []string, byLength bool) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToUpper(w)
	}
	var s sort.Interface = sort.StringSlice(out)
	if byLength {
		s = byLen(out)
	}
	sort.Sort(s)
	return out
}

// Registry of named checks in a table-driven test helper.
type check interface{ Check(string) bool }

type nonEmpty struct{ min int }

func (n *nonEmpty) Check(s string) bool { return len(s) >= n.min }

type ascii struct{ strict bool }

func (a *ascii) Check(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Valid runs a table of checks boxed in a slice of any.
func Valid(s string) bool {
	ne := nonEmpty{min: 1}
	as := ascii{strict: true}
	checks := []any{&ne, &as}
	return checks[0].(check).Check(s) && checks[1].(check).Check(s)
}

// ValidAll ranges over the table: the index is not known.
func ValidAll(s string) bool {
	ne := nonEmpty{min: 1}
	as := ascii{strict: true}
	checks := []any{&ne, &as}
	for _, c := range checks {
		if !c.(check).Check(s) {
			return false
		}
	}
	return true
}

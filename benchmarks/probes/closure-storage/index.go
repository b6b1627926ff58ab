package storage

import (
	"bytes"
	"hash/fnv"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// IndexEntry points at a key's block in a run.
type IndexEntry struct {
	Key   []byte
	Block int
}

// BuildIndexes builds a sparse index for every run in parallel: one entry
// every stride entries, the block number counted in blocks of blockSize.
func BuildIndexes(runs []Run, stride, blockSize int) [][]IndexEntry {
	out := make([][]IndexEntry, len(runs))
	var wg sync.WaitGroup
	wg.Add(len(runs))
	for i, r := range runs {
		go func() {
			defer wg.Done()
			var idx []IndexEntry
			for j := 0; j < len(r.Entries); j += stride {
				idx = append(idx, IndexEntry{Key: r.Entries[j].Key, Block: j / blockSize})
			}
			out[i] = idx
		}()
	}
	wg.Wait()
	return out
}

// Bloom is a fixed-size bloom filter set concurrently through atomics.
type Bloom struct {
	bits []atomic.Uint64
	k    int
}

// NewBloom makes a filter of m bits and k hashes.
func NewBloom(m, k int) *Bloom {
	return &Bloom{bits: make([]atomic.Uint64, (m+63)/64), k: k}
}

func (b *Bloom) positions(key []byte, fn func(uint64)) {
	h := fnv.New64a()
	h.Write(key)
	x := h.Sum64()
	lo, hi := x&0xffffffff, x>>32
	n := uint64(len(b.bits) * 64)
	for i := 0; i < b.k; i++ {
		fn((lo + uint64(i)*hi) % n)
	}
}

// Add sets key's bits.
func (b *Bloom) Add(key []byte) {
	b.positions(key, func(p uint64) { b.bits[p/64].Or(1 << (p % 64)) })
}

// Has reports whether key may be present.
func (b *Bloom) Has(key []byte) bool {
	ok := true
	b.positions(key, func(p uint64) {
		if b.bits[p/64].Load()&(1<<(p%64)) == 0 {
			ok = false
		}
	})
	return ok
}

// FillBloom adds every key of the runs to the filter, one goroutine per CPU
// over a channel of runs; skipTombs leaves deleted keys out.
func FillBloom(b *Bloom, runs []Run, skipTombs bool) {
	ch := make(chan Run)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range ch {
				for _, e := range r.Entries {
					if skipTombs && e.Tomb {
						continue
					}
					b.Add(e.Key)
				}
			}
		}()
	}
	for _, r := range runs {
		ch <- r
	}
	close(ch)
	wg.Wait()
}

// CountKeys counts live keys with a prefix across runs, one goroutine a run,
// summing into a shared counter.
func CountKeys(runs []Run, prefix []byte) int64 {
	var total atomic.Int64
	var wg sync.WaitGroup
	for _, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int64
			for _, e := range r.Entries {
				if !e.Tomb && bytes.HasPrefix(e.Key, prefix) {
					n++
				}
			}
			total.Add(n)
		}()
	}
	wg.Wait()
	return total.Load()
}

// ShardIndex builds a key -> run map per shard in parallel and merges the
// shards after Wait; a key in several runs keeps the highest run number.
func ShardIndex(runs []Run, shards int) map[string]int {
	parts := make([]map[string]int, shards)
	var wg sync.WaitGroup
	for s := 0; s < shards; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := make(map[string]int)
			for ri, r := range runs {
				for _, e := range r.Entries {
					if int(fnv32(e.Key))%shards == s {
						m[string(e.Key)] = ri
					}
				}
			}
			parts[s] = m
		}()
	}
	wg.Wait()
	merged := make(map[string]int)
	for _, p := range parts {
		for k, v := range p {
			merged[k] = v
		}
	}
	return merged
}

func fnv32(b []byte) uint32 {
	h := fnv.New32a()
	h.Write(b)
	return h.Sum32()
}

// SortedKeys returns the runs' distinct keys in order, deduplicated per run in
// parallel and sorted with a caller-chosen direction.
func SortedKeys(runs []Run, desc bool) [][]byte {
	per := make([][][]byte, len(runs))
	var wg sync.WaitGroup
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ks := make([][]byte, 0, len(runs[i].Entries))
			for _, e := range runs[i].Entries {
				ks = append(ks, e.Key)
			}
			slices.SortFunc(ks, func(a, b []byte) int {
				if desc {
					return bytes.Compare(b, a)
				}
				return bytes.Compare(a, b)
			})
			per[i] = slices.CompactFunc(ks, bytes.Equal)
		}()
	}
	wg.Wait()
	var all [][]byte
	for _, ks := range per {
		all = append(all, ks...)
	}
	slices.SortFunc(all, func(a, b []byte) int {
		if desc {
			return bytes.Compare(b, a)
		}
		return bytes.Compare(a, b)
	})
	return slices.CompactFunc(all, bytes.Equal)
}

// Progress reports how many runs an index build has finished; the caller polls
// it while the build runs.
type Progress struct {
	done atomic.Int32
	cur  string
	mu   sync.Mutex
}

// BuildWithProgress builds indexes in the background and returns at once; the
// builder reads name to label its progress, and the caller renames the build
// once it is started.
func BuildWithProgress(runs []Run, p *Progress, name string) <-chan [][]IndexEntry {
	res := make(chan [][]IndexEntry, 1)
	go func() {
		out := make([][]IndexEntry, len(runs))
		for i, r := range runs {
			p.mu.Lock()
			p.cur = name
			p.mu.Unlock()
			out[i] = BuildIndexes([]Run{r}, 16, 64)[0]
			p.done.Add(1)
		}
		res <- out
	}()
	name = name + " (running)"
	p.mu.Lock()
	p.cur = name
	p.mu.Unlock()
	return res
}

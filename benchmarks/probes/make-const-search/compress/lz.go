// Package compress holds the block codecs of the index's stored fields: LZ77
// with hash chains, RLE, delta-of-delta timestamps, Huffman lengths and a bit writer.
package compress

import "errors"

// WindowSize is the LZ77 window.
const WindowSize = 4096

// HashBits sizes the hash-chain head table.
const HashBits = 12

const (
	minMatch = 3
	maxMatch = 258
)

var errLarge = errors.New("compress: block too large")

func hash3(b []byte) uint32 {
	return (uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])) * 2654435761 >> (32 - HashBits)
}

// MatchStats finds LZ77 matches in a block of at most one window through
// hash chains; it returns how many matches and literals a greedy parse emits.
func MatchStats(block []byte, chainLimit int) (matches, literals int) {
	if len(block) > WindowSize {
		block = block[:WindowSize]
	}
	var head [1 << HashBits]int32
	for i := range head {
		head[i] = -1
	}
	prev := make([]int32, len(block))
	insert := func(i int) {
		if i+minMatch <= len(block) {
			h := hash3(block[i:])
			prev[i] = head[h]
			head[h] = int32(i)
		}
	}
	for i := 0; i < len(block); {
		best := 0
		if i+minMatch <= len(block) {
			cand := head[hash3(block[i:])]
			for n := 0; cand >= 0 && n < chainLimit; n++ {
				l := 0
				for i+l < len(block) && l < maxMatch && block[int(cand)+l] == block[i+l] {
					l++
				}
				best = max(best, l)
				cand = prev[cand]
			}
		}
		if best >= minMatch {
			for j := i; j < i+best; j++ {
				insert(j)
			}
			matches++
			i += best
		} else {
			insert(i)
			literals++
			i++
		}
	}
	return matches, literals
}

// Matcher keeps its window between blocks.
type Matcher struct {
	window []byte
}

// Reset sizes the window for a stream.
func (m *Matcher) Reset(size int) error {
	if size > WindowSize {
		return errLarge
	}
	m.window = make([]byte, 0, size)
	return nil
}

// LongestRun returns the longest run of one byte, scanning a copy of the
// block's first window (the input may be modified by the caller's reader).
func LongestRun(block []byte) int {
	n := min(len(block), WindowSize)
	win := make([]byte, n)
	copy(win, block)
	best, run := 0, 0
	for i := range win {
		if i > 0 && win[i] == win[i-1] {
			run++
		} else {
			run = 1
		}
		best = max(best, run)
	}
	return best
}

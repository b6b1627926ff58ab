// Package minimizer picks (w, k) minimizers of reads.
package minimizer

import (
	"errors"

	"example.com/probes/make-const-bio/seq"
)

var errParams = errors.New("minimizer: bad parameters")

func hash64(v uint64) uint64 {
	v ^= v >> 33
	v *= 0xff51afd7ed558ccd
	v ^= v >> 33
	return v
}

// Count returns the number of distinct minimizers of a read.
func Count(read []byte, w, k int) (int, error) {
	if k < 1 || k > seq.MaxK || w < 1 || w > seq.MaxWindow {
		return 0, errParams
	}
	if len(read) > seq.MaxReadLen {
		return 0, seq.ErrTooLong
	}
	window := make([]uint64, w)
	mask := uint64(1)<<(2*uint(k)) - 1
	var v uint64
	n, last := 0, ^uint64(0)
	for i, b := range read {
		c, _ := seq.Code(b)
		v = (v<<2 | uint64(c)) & mask
		window[i%w] = hash64(v)
		if i >= k+w-2 {
			m := window[0]
			for _, h := range window[1:] {
				m = min(m, h)
			}
			if m != last {
				n++
				last = m
			}
		}
	}
	return n, nil
}

// Positions collects the positions of window minimizers, one slot per window at most.
func Positions(read []byte, w int) int {
	if w < 1 || len(read) > seq.MaxReadLen {
		return 0
	}
	pos := make([]int, 0, (len(read)+w-1)/w)
	for start := 0; start < len(read); start += w {
		end := min(start+w, len(read))
		best := start
		for i := start; i < end; i++ {
			if read[i] < read[best] {
				best = i
			}
		}
		pos = append(pos, best)
	}
	return len(pos)
}

// Sample keeps every minimizer of a long read; the read's length sizes it.
func Sample(read []byte, w int) int {
	if w < 1 {
		return 0
	}
	hs := make([]uint64, len(read)/w+1)
	for i := range read {
		hs[i/w] ^= hash64(uint64(read[i]))
	}
	return len(hs)
}

// Package gc computes GC content in sliding windows.
package gc

import "example.com/probes/make-const-bio/seq"

// Windows returns the highest GC fraction over windows of w bases.
func Windows(s []byte, w int) float64 {
	if w < 1 || w > seq.MaxWindow || len(s) < w {
		return 0
	}
	ring := make([]bool, w)
	gc, best := 0, 0
	for i, b := range s {
		isGC := b == 'G' || b == 'C' || b == 'g' || b == 'c'
		if i >= w && ring[i%w] {
			gc--
		}
		ring[i%w] = isGC
		if isGC {
			gc++
		}
		if i >= w-1 {
			best = max(best, gc)
		}
	}
	return float64(best) / float64(w)
}

// Profile fills GC fractions per window of w bases of a short read, and returns the spread.
func Profile(read []byte, w int) float64 {
	if err := seq.CheckRead(read); err != nil {
		return 0
	}
	if w < 1 || w > len(read) {
		return 0
	}
	frac := make([]float64, len(read)-w+1)
	gc := 0
	for i, b := range read {
		if b == 'G' || b == 'C' {
			gc++
		}
		if i >= w {
			if read[i-w] == 'G' || read[i-w] == 'C' {
				gc--
			}
		}
		if i >= w-1 {
			frac[i-w+1] = float64(gc) / float64(w)
		}
	}
	lo, hi := 1.0, 0.0
	for _, f := range frac {
		lo, hi = min(lo, f), max(hi, f)
	}
	return hi - lo
}

// Skew returns the position of the minimum cumulative GC skew of a genome; its size is the genome's.
func Skew(genome []byte) int {
	skew := make([]int, len(genome)+1)
	for i, b := range genome {
		skew[i+1] = skew[i]
		switch b {
		case 'G':
			skew[i+1]++
		case 'C':
			skew[i+1]--
		}
	}
	at := 0
	for i, s := range skew {
		if s < skew[at] {
			at = i
		}
	}
	return at
}

// Smooth averages per-window GC over a window of radius r, for plotting a short contig.
func Smooth(frac []float64, r int) float64 {
	if r < 0 || r > 16 || len(frac) > seq.MaxReadLen {
		return 0
	}
	out := make([]float64, len(frac))
	for i := range frac {
		lo, hi := max(0, i-r), min(len(frac), i+r+1)
		var s float64
		for _, f := range frac[lo:hi] {
			s += f
		}
		out[i] = s / float64(hi-lo)
	}
	var peak float64
	for _, v := range out {
		peak = max(peak, v)
	}
	return peak
}

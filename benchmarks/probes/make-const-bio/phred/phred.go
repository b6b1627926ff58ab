// Package phred summarises quality scores.
package phred

import (
	"fmt"
	"io"

	"example.com/probes/make-const-bio/seq"
)

// Histogram counts the scores of qual up to the highest Phred value a machine reports.
func Histogram(qual []byte, top int) int {
	if top < 0 || top > seq.MaxQual {
		return -1
	}
	hist := make([]int, top+1)
	for _, c := range qual {
		q := int(c) - seq.PhredOffset
		if q >= 0 && q <= top {
			hist[q]++
		}
	}
	mode := 0
	for q, n := range hist {
		if n > hist[mode] {
			mode = q
		}
	}
	return mode
}

// Cumulative returns the fraction of bases at Q30 or above, through cumulative counts.
func Cumulative(qual []byte) float64 {
	var counts [seq.MaxQual + 1]int
	for _, c := range qual {
		q := int(c) - seq.PhredOffset
		if q >= 0 && q < len(counts) {
			counts[q]++
		}
	}
	cum := make([]int, len(counts)+1)
	for i := len(counts) - 1; i >= 0; i-- {
		cum[i] = cum[i+1] + counts[i]
	}
	if cum[0] == 0 {
		return 0
	}
	return float64(cum[30]) / float64(cum[0])
}

// PerCycle averages the quality at each cycle over a batch of reads.
func PerCycle(reads [][]byte, cycles int) float64 {
	if cycles <= 0 || cycles > seq.MaxReadLen {
		return 0
	}
	sums := make([]int, cycles)
	for _, r := range reads {
		for i := 0; i < len(r) && i < cycles; i++ {
			sums[i] += int(r[i]) - seq.PhredOffset
		}
	}
	worst := sums[0]
	for _, s := range sums {
		worst = min(worst, s)
	}
	return float64(worst) / float64(max(1, len(reads)))
}

// Report prints a histogram; its counts go to fmt.
func Report(w io.Writer, qual []byte, top int) {
	if top < 0 || top > seq.MaxQual {
		return
	}
	hist := make([]int, top+1)
	for _, c := range qual {
		if q := int(c) - seq.PhredOffset; q >= 0 && q <= top {
			hist[q]++
		}
	}
	fmt.Fprintln(w, hist)
}

// Bins counts scores into bins of the given width over the whole Phred range.
func Bins(qual []byte, width int) int {
	if width < 1 {
		return 0
	}
	bins := make([]int, (seq.MaxQual+width)/width)
	for _, c := range qual {
		q := int(c) - seq.PhredOffset
		if q >= 0 && q <= seq.MaxQual {
			bins[q/width]++
		}
	}
	return len(bins)
}

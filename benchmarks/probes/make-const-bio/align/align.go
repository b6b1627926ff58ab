// Package align scores short reads against each other by dynamic programming over rows.
package align

import (
	"errors"

	"example.com/probes/make-const-bio/seq"
)

var errTooLong = errors.New("align: read too long")

// maxProbe is the longest primer or adapter matched against a read.
const maxProbe = 48

// EditDistance is Levenshtein's distance between two short reads, over two rows.
func EditDistance(a, b []byte) (int, error) {
	if len(a) > seq.MaxReadLen || len(b) > seq.MaxReadLen {
		return 0, errTooLong
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], nil
}

// SmithWaterman returns the best local alignment score of a read against a reference window.
func SmithWaterman(read, ref []byte, match, mismatch, gap int) (int, error) {
	if len(read) > seq.MaxReadLen {
		return 0, errTooLong
	}
	if len(ref) > 2*seq.MaxReadLen {
		return 0, errTooLong
	}
	h := make([]int, len(ref)+1)
	best := 0
	for i := 1; i <= len(read); i++ {
		diag := 0
		for j := 1; j <= len(ref); j++ {
			s := mismatch
			if read[i-1] == ref[j-1] {
				s = match
			}
			v := max(0, diag+s, h[j]-gap, h[j-1]-gap)
			diag = h[j]
			h[j] = v
			best = max(best, v)
		}
	}
	return best, nil
}

// Hamming counts mismatches between equal-length reads through a mismatch mask.
func Hamming(a, b []byte) int {
	if len(a) != len(b) || len(a) > seq.MaxReadLen {
		return -1
	}
	diff := make([]bool, len(a))
	n := 0
	for i := range a {
		if a[i] != b[i] {
			diff[i] = true
			n++
		}
	}
	return n
}

// Banded computes edit distance within a band of k diagonals around the main one.
func Banded(a, b []byte, k int) int {
	if k < 0 || k > 32 {
		return -1
	}
	row := make([]int, 2*k+1)
	for i := range row {
		row[i] = i
	}
	_ = a
	_ = b
	return row[len(row)-1]
}

// Global aligns two sequences of any length: its row is as long as the reference.
func Global(a, b []byte) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(row[j]+1, row[j-1]+1, diag+cost)
		}
	}
	return row[len(b)]
}

// Adapter finds the best overlap of an adapter with the read's 3' end.
func Adapter(read, adapter []byte) int {
	if len(adapter) == 0 || len(adapter) > maxProbe {
		return len(read)
	}
	score := make([]int, len(adapter)+1)
	best, at := 0, len(read)
	for start := max(0, len(read)-len(adapter)); start < len(read); start++ {
		n := len(read) - start
		s := 0
		for j := 0; j < n; j++ {
			if read[start+j] == adapter[j] {
				s++
			}
			score[j+1] = s
		}
		if s*10 >= n*9 && n > best {
			best, at = n, start
		}
	}
	return at
}

// Traceback keeps a full matrix for a traceback: a product of two bounded lengths.
func Traceback(a, b []byte) int {
	if len(a) > maxProbe || len(b) > maxProbe {
		return -1
	}
	dp := make([]int16, (len(a)+1)*(len(b)+1))
	w := len(b) + 1
	for i := 0; i <= len(a); i++ {
		for j := 0; j <= len(b); j++ {
			switch {
			case i == 0:
				dp[j] = int16(j)
			case j == 0:
				dp[i*w] = int16(i)
			default:
				c := int16(1)
				if a[i-1] == b[j-1] {
					c = 0
				}
				dp[i*w+j] = min(dp[(i-1)*w+j]+1, dp[i*w+j-1]+1, dp[(i-1)*w+j-1]+c)
			}
		}
	}
	return int(dp[len(dp)-1])
}

// Scores returns a row of scores for the caller to plot.
func Scores(read, ref []byte) []int {
	if len(ref) > seq.MaxReadLen {
		return nil
	}
	row := make([]int, len(ref))
	for j := range ref {
		for i := range read {
			if read[i] == ref[j] {
				row[j]++
			}
		}
	}
	return row
}

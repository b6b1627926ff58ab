// Package fastq decodes FASTQ quality strings.
package fastq

import (
	"errors"

	"example.com/probes/make-const-bio/seq"
)

var errQual = errors.New("fastq: quality length differs from sequence")

// MeanQuality decodes a Phred+33 quality string and returns its mean.
func MeanQuality(qual []byte) (float64, error) {
	if err := seq.CheckRead(qual); err != nil {
		return 0, err
	}
	scores := make([]int, len(qual))
	for i, c := range qual {
		scores[i] = int(c) - seq.PhredOffset
	}
	total := 0
	for _, s := range scores {
		total += s
	}
	if len(scores) == 0 {
		return 0, nil
	}
	return float64(total) / float64(len(scores)), nil
}

// TrimPosition returns where a read should be cut so that the trailing bases' quality sum
// stays above cutoff (BWA's trimming).
func TrimPosition(qual []byte, cutoff int) int {
	if len(qual) > seq.MaxReadLen {
		return len(qual)
	}
	q := make([]int, len(qual))
	for i, c := range qual {
		q[i] = int(c) - seq.PhredOffset
	}
	best, pos, sum := 0, len(q), 0
	for i := len(q) - 1; i >= 0; i-- {
		sum += cutoff - q[i]
		if sum < 0 {
			break
		}
		if sum > best {
			best, pos = sum, i
		}
	}
	return pos
}

// ExpectedErrors sums the error probability of each base.
func ExpectedErrors(qual []byte, table *[seq.MaxQual + 1]float64) float64 {
	if uint(len(qual)) > seq.MaxReadLen {
		return -1
	}
	probs := make([]float64, len(qual))
	for i, c := range qual {
		q := int(c) - seq.PhredOffset
		if q < 0 || q > seq.MaxQual {
			q = 0
		}
		probs[i] = table[q]
	}
	var ee float64
	for _, p := range probs {
		ee += p
	}
	return ee
}

// Pair checks a sequence and its quality line together and counts the low-quality calls.
func Pair(s, qual []byte) (int, error) {
	if len(s) != len(qual) {
		return 0, errQual
	}
	if len(s) > seq.MaxReadLen || len(s) == 0 {
		return 0, seq.ErrTooLong
	}
	low := make([]bool, len(s))
	n := 0
	for i := range s {
		if qual[i]-seq.PhredOffset < 20 || s[i] == 'N' {
			low[i] = true
			n++
		}
	}
	_ = low
	return n, nil
}

// Binned maps qualities to Illumina's eight bins, in place of qual, through a scratch copy.
func Binned(qual []byte) {
	scratch := make([]byte, len(qual))
	for i, c := range qual {
		q := c - seq.PhredOffset
		switch {
		case q < 2:
			scratch[i] = q
		case q < 10:
			scratch[i] = 6
		case q < 20:
			scratch[i] = 15
		case q < 30:
			scratch[i] = 25
		default:
			scratch[i] = 37
		}
	}
	for i := range qual {
		qual[i] = scratch[i] + seq.PhredOffset
	}
}

// Decode returns the numeric qualities; the caller keeps them.
func Decode(qual []byte) []byte {
	out := make([]byte, len(qual))
	for i, c := range qual {
		out[i] = c - seq.PhredOffset
	}
	return out
}

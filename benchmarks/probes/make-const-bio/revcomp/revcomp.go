// Package revcomp computes reverse complements.
package revcomp

import (
	"bytes"

	"example.com/probes/make-const-bio/seq"
)

var complement = [256]byte{'A': 'T', 'C': 'G', 'G': 'C', 'T': 'A', 'N': 'N', 'a': 't', 'c': 'g', 'g': 'c', 't': 'a', 'n': 'n'}

// InPlace reverse-complements a short read through a scratch buffer.
func InPlace(read []byte) error {
	if err := seq.CheckRead(read); err != nil {
		return err
	}
	if len(read) > seq.MaxReadLen {
		return seq.ErrTooLong
	}
	scratch := make([]byte, len(read))
	for i, b := range read {
		scratch[len(read)-1-i] = complement[b]
	}
	copy(read, scratch)
	return nil
}

// IsPalindrome reports whether a restriction site equals its reverse complement.
func IsPalindrome(site []byte) bool {
	if len(site) > 12 {
		return false
	}
	rc := make([]byte, len(site))
	for i, b := range site {
		rc[len(site)-1-i] = complement[b]
	}
	return bytes.Equal(rc, site)
}

// Of returns the reverse complement; the caller keeps it.
func Of(s []byte) []byte {
	rc := make([]byte, len(s))
	for i, b := range s {
		rc[len(s)-1-i] = complement[b]
	}
	return rc
}

// Both counts the occurrences of a primer on either strand of a read.
func Both(read, primer []byte) int {
	if len(primer) == 0 || len(primer) > 40 {
		return 0
	}
	rc := make([]byte, len(primer))
	for i, b := range primer {
		rc[len(primer)-1-i] = complement[b]
	}
	return bytes.Count(read, primer) + bytes.Count(read, rc)
}

// Clamp reverse-complements at most the first MaxWindow bases of a read and counts the differences.
func Clamp(read []byte) int {
	n := len(read)
	if n > seq.MaxWindow {
		n = seq.MaxWindow
	}
	rc := make([]byte, n)
	for i := 0; i < n; i++ {
		rc[n-1-i] = complement[read[i]]
	}
	d := 0
	for i := 0; i < n; i++ {
		if rc[i] != read[i] {
			d++
		}
	}
	return d
}

// Package seq holds the limits and alphabet shared by the sequence tools.
package seq

import "errors"

// Limits of the pipeline: reads longer than MaxReadLen come from a different
// instrument and go through the long-read path instead.
const (
	MaxReadLen  = 300
	MaxK        = 31
	MaxBarcode  = 16
	MaxLine     = 512
	NumHashes   = 7
	MaxWindow   = 64
	MaxQual     = 93
	PhredOffset = 33
	MaxFields   = 10
	MaxCigarOps = 64
	MaxHeader   = 128
)

var (
	ErrTooLong = errors.New("seq: read longer than MaxReadLen")
	ErrBase    = errors.New("seq: invalid base")
	ErrK       = errors.New("seq: k out of range")
)

// CheckRead reports whether a read fits the short-read pipeline.
func CheckRead(s []byte) error {
	if len(s) > MaxReadLen {
		return ErrTooLong
	}
	return nil
}

// MustK panics on a k-mer size the 2-bit encoding cannot hold.
func MustK(k int) {
	if k < 1 || k > MaxK {
		panic("seq: k out of range")
	}
}

// Code maps a nucleotide to its 2-bit code.
func Code(b byte) (byte, bool) {
	switch b {
	case 'A', 'a':
		return 0, true
	case 'C', 'c':
		return 1, true
	case 'G', 'g':
		return 2, true
	case 'T', 't':
		return 3, true
	}
	return 0, false
}

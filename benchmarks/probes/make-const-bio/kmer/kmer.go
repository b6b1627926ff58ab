// Package kmer encodes k-mers into uint64 and counts them.
package kmer

import (
	"errors"

	"example.com/probes/make-const-bio/seq"
)

// maxCountK is the largest k the dense counter handles: 4^6 counters.
const maxCountK = 6

var errShort = errors.New("kmer: sequence shorter than k")

// Encode packs the first k bases of s into a uint64, two bits a base.
func Encode(s []byte, k int) (uint64, error) {
	if k <= 0 || k > seq.MaxK {
		return 0, seq.ErrK
	}
	if len(s) < k {
		return 0, errShort
	}
	codes := make([]byte, k)
	for i := 0; i < k; i++ {
		c, ok := seq.Code(s[i])
		if !ok {
			return 0, seq.ErrBase
		}
		codes[i] = c
	}
	var v uint64
	for _, c := range codes {
		v = v<<2 | uint64(c)
	}
	return v, nil
}

// Decode spells out a k-mer.
func Decode(v uint64, k int) string {
	seq.MustK(k)
	buf := make([]byte, k)
	for i := k - 1; i >= 0; i-- {
		buf[i] = "ACGT"[v&3]
		v >>= 2
	}
	return string(buf)
}

// Spectrum counts every k-mer of s in a dense table and returns how many distinct ones occur.
func Spectrum(s []byte, k int) int {
	if k < 1 || k > maxCountK {
		return -1
	}
	counts := make([]uint32, 1<<(2*k))
	mask := uint64(1)<<(2*k) - 1
	var v uint64
	valid := 0
	for _, b := range s {
		c, ok := seq.Code(b)
		if !ok {
			valid = 0
			continue
		}
		v = (v<<2 | uint64(c)) & mask
		valid++
		if valid >= k {
			counts[v]++
		}
	}
	distinct := 0
	for _, c := range counts {
		if c > 0 {
			distinct++
		}
	}
	return distinct
}

// All encodes every k-mer of a read, k given by the caller.
func All(read []byte, k int, emit func(uint64)) error {
	if err := seq.CheckRead(read); err != nil {
		return err
	}
	if k < 1 || k > seq.MaxK || len(read) < k {
		return seq.ErrK
	}
	kmers := make([]uint64, len(read)-k+1)
	mask := uint64(1)<<(2*uint(k)) - 1
	var v uint64
	for i, b := range read {
		c, _ := seq.Code(b)
		v = (v<<2 | uint64(c)) & mask
		if i >= k-1 {
			kmers[i-k+1] = v
		}
	}
	for _, x := range kmers {
		emit(x)
	}
	return nil
}

// Canonical returns the smaller of a k-mer and its reverse complement, through the spelled bases.
func Canonical(v uint64, k int) uint64 {
	if uint(k) > seq.MaxK {
		return v
	}
	bases := make([]byte, k)
	w := v
	for i := k - 1; i >= 0; i-- {
		bases[i] = byte(w & 3)
		w >>= 2
	}
	var rc uint64
	for i := k - 1; i >= 0; i-- {
		rc = rc<<2 | uint64(3-bases[i])
	}
	return min(v, rc)
}

// Profile returns the k-mer profile of a read; the caller keeps it.
func Profile(read []byte, k int) []uint32 {
	if k < 1 || k > maxCountK {
		return nil
	}
	p := make([]uint32, 1<<(2*k))
	var v uint64
	for i, b := range read {
		c, _ := seq.Code(b)
		v = (v<<2 | uint64(c)) & (1<<(2*k) - 1)
		if i >= k-1 {
			p[v]++
		}
	}
	return p
}

// Sketch keeps the s smallest hashes of a read (a bottom-s MinHash sketch); s is the caller's.
func Sketch(read []byte, s int, hash func(uint64) uint64) uint64 {
	hs := make([]uint64, 0, s)
	var v uint64
	for _, b := range read {
		c, _ := seq.Code(b)
		v = v<<2 | uint64(c)
		h := hash(v)
		if len(hs) < s {
			hs = append(hs, h)
		}
	}
	var x uint64
	for _, h := range hs {
		x ^= h
	}
	return x
}

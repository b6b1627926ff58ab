// Package codon translates coding sequences.
package codon

import (
	"errors"

	"example.com/probes/make-const-bio/seq"
)

// Table is a genetic code indexed by the 6-bit codon code.
type Table [64]byte

// Standard is NCBI translation table 1.
var Standard = Table([]byte("KNKNTTTTRSRSIIMIQHQHPPPPRRRRLLLLEDEDAAAAGGGGVVVV*Y*YSSSS*CWCLFLF"))

var errFrame = errors.New("codon: length not a multiple of 3")

// Translate returns the protein of a short coding read, through a residue buffer.
func Translate(t *Table, cds []byte) (string, error) {
	if len(cds)%3 != 0 {
		return "", errFrame
	}
	if len(cds) > seq.MaxReadLen {
		return "", seq.ErrTooLong
	}
	prot := make([]byte, len(cds)/3)
	for i := range prot {
		var idx byte
		for _, b := range cds[3*i : 3*i+3] {
			c, ok := seq.Code(b)
			if !ok {
				return "", seq.ErrBase
			}
			idx = idx<<2 | c
		}
		prot[i] = t[idx]
	}
	return string(prot), nil
}

// Usage counts the codons of a read into a 64-entry histogram and returns the most used codon.
func Usage(cds []byte) int {
	counts := make([]int, len(Standard))
	for i := 0; i+3 <= len(cds); i += 3 {
		var idx int
		for _, b := range cds[i : i+3] {
			c, _ := seq.Code(b)
			idx = idx<<2 | int(c)
		}
		counts[idx]++
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	return best
}

// Frames translates the three forward frames of a read and returns the longest open reading frame.
func Frames(t *Table, read []byte) int {
	if len(read) > seq.MaxReadLen {
		return 0
	}
	best := 0
	for f := 0; f < 3; f++ {
		prot := make([]byte, 0, (len(read)-f)/3)
		for i := f; i+3 <= len(read); i += 3 {
			var idx byte
			for _, b := range read[i : i+3] {
				c, _ := seq.Code(b)
				idx = idx<<2 | c
			}
			prot = append(prot, t[idx])
		}
		run := 0
		for _, a := range prot {
			if a == '*' {
				run = 0
				continue
			}
			run++
			best = max(best, run)
		}
	}
	return best
}

// Protein returns the translation of a whole gene; the caller keeps it.
func Protein(t *Table, cds []byte) []byte {
	prot := make([]byte, len(cds)/3)
	for i := range prot {
		var idx byte
		for _, b := range cds[3*i : 3*i+3] {
			c, _ := seq.Code(b)
			idx = idx<<2 | c
		}
		prot[i] = t[idx]
	}
	return prot
}

// Package demux assigns reads to samples by their barcodes.
package demux

import (
	"bytes"
	"errors"

	"example.com/probes/make-const-bio/seq"
)

// barcodeLen is the length of the i7 index of the kit.
const barcodeLen = 8

var errBarcode = errors.New("demux: bad barcode")

// Sheet maps barcodes to sample numbers.
type Sheet struct {
	Barcodes [][]byte
	Len      int
}

func checkBarcode(b []byte) error {
	if len(b) == 0 || len(b) > seq.MaxBarcode {
		return errBarcode
	}
	return nil
}

// Assign returns the sample whose barcode is within one mismatch of the read's prefix.
func (s *Sheet) Assign(read []byte) int {
	if s.Len < 1 || s.Len > seq.MaxBarcode || len(read) < s.Len {
		return -1
	}
	prefix := make([]byte, s.Len)
	copy(prefix, read)
	for i, b := range s.Barcodes {
		if len(b) != len(prefix) {
			continue
		}
		d := 0
		for j := range b {
			if b[j] != prefix[j] {
				d++
			}
		}
		if d <= 1 {
			return i
		}
	}
	return -1
}

// Fixed matches the kit's 8-base index exactly.
func Fixed(read []byte, sheet [][]byte) int {
	if len(read) < barcodeLen {
		return -1
	}
	idx := make([]byte, len(read[:barcodeLen]))
	copy(idx, read)
	for i, b := range sheet {
		if bytes.Equal(b, idx) {
			return i
		}
	}
	return -1
}

// Dual joins the i7 and i5 indexes with '+' and looks the pair up.
func Dual(i7, i5 []byte, samples map[string]int) int {
	if err := checkBarcode(i7); err != nil {
		return -1
	}
	if err := checkBarcode(i5); err != nil {
		return -1
	}
	key := make([]byte, 0, len(i7)+1+len(i5))
	key = append(key, i7...)
	key = append(key, '+')
	key = append(key, i5...)
	if n, ok := samples[string(key)]; ok {
		return n
	}
	return -1
}

// Correct returns the corrected barcode; the caller keeps it.
func Correct(b []byte, whitelist [][]byte) []byte {
	if len(b) > seq.MaxBarcode {
		return nil
	}
	out := make([]byte, len(b))
	copy(out, b)
	for _, w := range whitelist {
		if len(w) == len(out) && bytes.Equal(w[1:], out[1:]) {
			copy(out, w)
		}
	}
	return out
}

// UMI extracts a unique molecular identifier after the barcode, of a length the run configures.
func UMI(read []byte, offset, n int) uint64 {
	if offset < 0 || n < 1 || n > 12 || offset+n > len(read) {
		return 0
	}
	umi := make([]byte, n)
	copy(umi, read[offset:offset+n])
	var v uint64
	for _, b := range umi {
		c, _ := seq.Code(b)
		v = v<<2 | uint64(c)
	}
	return v
}

// Index checks the barcode of a read against the sheet by a range check on its offset.
func Index(read []byte, at int) int {
	if uint(at) >= uint(len(read)) || len(read) > seq.MaxReadLen {
		return -1
	}
	rest := make([]byte, len(read)-at)
	copy(rest, read[at:])
	return bytes.IndexByte(rest, 'N')
}

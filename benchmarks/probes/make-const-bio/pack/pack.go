// Package pack stores sequences two bits a base.
package pack

import (
	"encoding/binary"
	"errors"
	"io"

	"example.com/probes/make-const-bio/seq"
)

var errLen = errors.New("pack: bad length")

// Packed returns the number of bytes a 2-bit packing of n bases takes.
func Packed(n int) int { return (n + 3) / 4 }

// Pack2 packs a short read and returns a checksum of the packed bytes.
func Pack2(read []byte) (uint32, error) {
	if len(read) > seq.MaxReadLen {
		return 0, seq.ErrTooLong
	}
	out := make([]byte, (len(read)+3)/4)
	for i, b := range read {
		c, ok := seq.Code(b)
		if !ok {
			return 0, seq.ErrBase
		}
		out[i/4] |= c << (2 * uint(i%4))
	}
	var sum uint32
	for _, b := range out {
		sum = sum*31 + uint32(b)
	}
	return sum, nil
}

// Unpack2 spells n bases of a packed buffer into dst's tail, through scratch codes.
func Unpack2(dst, packed []byte, n int) int {
	if n < 0 || n > 4*len(packed) || n > seq.MaxReadLen {
		return 0
	}
	codes := make([]byte, n)
	for i := range codes {
		codes[i] = packed[i/4] >> (2 * uint(i%4)) & 3
	}
	return copy(dst, codes)
}

// WriteRecord writes a length-prefixed packed read to w: the buffer goes to an interface.
func WriteRecord(w io.Writer, read []byte) error {
	if len(read) > seq.MaxReadLen {
		return seq.ErrTooLong
	}
	buf := make([]byte, 2+(len(read)+3)/4)
	binary.LittleEndian.PutUint16(buf, uint16(len(read)))
	for i, b := range read {
		c, _ := seq.Code(b)
		buf[2+i/4] |= c << (2 * uint(i%4))
	}
	_, err := w.Write(buf)
	return err
}

// Header decodes a packed record header: the top byte of the word is the base count
// of the last byte group, the low 24 bits the read id.
func Header(word uint32, body []byte) (int, error) {
	groups := int(word >> 24)
	tail := make([]byte, groups)
	if copy(tail, body) < groups {
		return 0, errLen
	}
	n := 0
	for _, b := range tail {
		n += int(b & 3)
	}
	return n, nil
}

// Chunks splits n bases into blocks of size per block and sums each block's packed bytes.
func Chunks(read []byte, per int) int {
	if per < 1 || len(read) > seq.MaxReadLen {
		return 0
	}
	sums := make([]int, (len(read)+per-1)/per)
	for i, b := range read {
		sums[i/per] += int(b)
	}
	best := 0
	for _, s := range sums {
		best = max(best, s)
	}
	return best
}

// Nibbles expands a 4-bit IUPAC-packed buffer; length comes from the file.
func Nibbles(p []byte, n uint32) int {
	codes := make([]byte, n)
	for i := range codes {
		codes[i] = p[i/2] >> (4 * uint(i%2)) & 0xF
	}
	k := 0
	for _, c := range codes {
		if c == 0xF {
			k++
		}
	}
	return k
}

// Package tarblock writes and reads ustar header blocks: 512 bytes each, encoded into an array the
// encoder returns and handed to the archive's io.Writer, or read off its io.Reader and checksummed
// through an array pointer to the bytes read.
package tarblock

import (
	"errors"
	"io"
)

const blockSize = 512

var (
	ErrTooLong  = errors.New("tarblock: name too long")
	ErrChecksum = errors.New("tarblock: checksum mismatch")
	ErrShort    = errors.New("tarblock: short header")
)

// Header is the part of a ustar header this package writes.
type Header struct {
	Name string
	Mode int64
	Size int64
}

// Marshal encodes h into one header block.
func Marshal(h *Header) ([blockSize]byte, error) {
	var blk [blockSize]byte
	if len(h.Name) > 100 {
		return blk, ErrTooLong
	}
	copy(blk[0:100], h.Name)
	octal(blk[100:108], h.Mode)
	octal(blk[124:136], h.Size)
	copy(blk[257:], "ustar\x0000")
	octal(blk[148:155], Checksum(&blk))
	blk[155] = ' '
	return blk, nil
}

// octal writes x as zero-padded octal digits and a NUL into b.
func octal(b []byte, x int64) {
	for i := len(b) - 2; i >= 0; i-- {
		b[i] = byte('0' + x&7)
		x >>= 3
	}
	b[len(b)-1] = 0
}

// parseOctal reads the octal digits of a field up to its first NUL.
func parseOctal(b []byte) (int64, bool) {
	var x int64
	for _, c := range b {
		if c == 0 {
			break
		}
		if c < '0' || c > '7' {
			return 0, false
		}
		x = x<<3 | int64(c-'0')
	}
	return x, true
}

// Checksum is the header checksum: the unsigned sum of the block's bytes, the checksum field as spaces.
func Checksum(blk *[blockSize]byte) int64 {
	var sum int64
	for i, c := range blk {
		if i >= 148 && i < 156 {
			c = ' '
		}
		sum += int64(c)
	}
	return sum
}

// WriteHeader writes h as one block: Marshal returns the block as an array, which the compiler moves to
// the heap because w.Write, an interface's method, is handed a slice of it.
func WriteHeader(w io.Writer, h *Header) error {
	blk, err := Marshal(h) // want "moved to heap: blk"
	if err != nil {
		return err
	}
	_, err = w.Write(blk[:])
	return err
}

// End is the end-of-archive marker's block, encoded once.
func End() [blockSize]byte {
	var blk [blockSize]byte
	copy(blk[257:], "ustar\x0000")
	return blk
}

// WriteEnd writes the end-of-archive block: declared, then assigned whole.
func WriteEnd(w io.Writer) error {
	var blk [blockSize]byte // want "moved to heap: blk"
	blk = End()
	_, err := w.Write(blk[:])
	return err
}

// ReadHeader reads one block and checks its checksum through an array pointer to the bytes read.
func ReadHeader(r io.Reader) (string, int64, error) {
	buf := make([]byte, blockSize) // want "make\\(\\[\\]byte, 512\\) escapes to heap"
	if _, err := io.ReadFull(r, buf); err != nil {
		return "", 0, ErrShort
	}
	want, ok := parseOctal(buf[148:155])
	if !ok || Checksum((*[blockSize]byte)(buf)) != want {
		return "", 0, ErrChecksum
	}
	size, ok := parseOctal(buf[124:135])
	if !ok {
		return "", 0, ErrChecksum
	}
	return trim(buf[0:100]), size, nil
}

// trim is the field's text up to its first NUL.
func trim(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

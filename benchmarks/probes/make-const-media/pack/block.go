package pack

import (
	"encoding/binary"
	"fmt"
	"io"
)

// Header is a block header as stored.
type Header struct {
	Kind   uint8
	Count  uint16
	Stride uint8
}

// ParseHeader reads a 4-byte block header.
func ParseHeader(b []byte) (Header, error) {
	if len(b) < 4 {
		return Header{}, errShort
	}
	return Header{Kind: b[0], Count: binary.LittleEndian.Uint16(b[1:]), Stride: b[3]}, nil
}

// SumColumns adds each column of a block of Count rows of Stride bytes.
func SumColumns(b []byte) (uint64, error) {
	h, err := ParseHeader(b)
	if err != nil {
		return 0, err
	}
	cols := make([]uint32, h.Stride)
	rows := b[4:]
	for r := 0; r < int(h.Count) && (r+1)*int(h.Stride) <= len(rows); r++ {
		for c := range cols {
			cols[c] += uint32(rows[r*int(h.Stride)+c])
		}
	}
	var total uint64
	for _, c := range cols {
		total += uint64(c) * uint64(c)
	}
	return total, nil
}

// Dump writes a block's bytes in hex to w, 16 to a line.
func Dump(w io.Writer, b []byte) error {
	if len(b) > MaxBlock {
		b = b[:MaxBlock]
	}
	line := make([]byte, 0, 3*16)
	for i, c := range b {
		line = fmt.Appendf(line, "%02x ", c)
		if i%16 == 15 || i == len(b)-1 {
			if _, err := w.Write(append(line, '\n')); err != nil {
				return err
			}
			line = line[:0]
		}
	}
	return nil
}

// Compress returns a block the caller keeps: src with each byte XOR-ed with the one before.
func Compress(src []byte) []byte {
	if len(src) > MaxBlock {
		return nil
	}
	out := make([]byte, len(src))
	var prev byte
	for i, c := range src {
		out[i] = c ^ prev
		prev = c
	}
	return out
}

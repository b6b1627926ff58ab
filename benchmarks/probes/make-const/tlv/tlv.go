// Package tlv walks type-length-value records and bit-packed fields.
package tlv

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"strconv"

	"example.com/wire/limits"
)

var errRecord = errors.New("tlv: bad record")

const (
	maxValue   = 200
	maxRecords = 12
	tagBits    = 5
)

type record struct {
	tag uint8
	off uint16
	n   uint8
}

func sum(b []byte) uint32 {
	var s uint32
	for _, c := range b {
		s = s*131 + uint32(c)
	}
	return s
}

// Index lists the records of b: each a tag byte, a length byte, then the value.
func Index(b []byte) (uint32, error) {
	recs := make([]record, 0, maxRecords)
	for off := 0; off+2 <= len(b) && len(recs) < maxRecords; {
		n := int(b[off+1])
		if off+2+n > len(b) {
			return 0, errRecord
		}
		recs = append(recs, record{tag: b[off], off: uint16(off + 2), n: b[off+1]})
		off += 2 + n
	}
	vals := make([][]byte, len(recs))
	for i, r := range recs {
		vals[i] = b[r.off : int(r.off)+int(r.n)]
	}
	var x uint32
	for _, v := range vals {
		x ^= sum(v)
	}
	return x, nil
}

// Value copies the value of the first record with the tag, lower-cased.
func Value(b []byte, tag uint8) (uint32, error) {
	for off := 0; off+2 <= len(b); {
		n := int(b[off+1])
		if b[off] == tag {
			if n > maxValue || off+2+n > len(b) {
				return 0, errRecord
			}
			v := make([]byte, n)
			for i := range v {
				c := b[off+2+i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				v[i] = c
			}
			return sum(v), nil
		}
		off += 2 + n
	}
	return 0, errRecord
}

// Tags unpacks 5-bit tags from a 64-bit word: as many as fit.
func Tags(w uint64, count int) (uint32, error) {
	if count < 0 || count*tagBits > 64 {
		return 0, errRecord
	}
	tags := make([]uint8, count)
	for i := range tags {
		tags[i] = uint8(w >> (i * tagBits) & (1<<tagBits - 1))
	}
	return sum(tags), nil
}

// Mask returns the checksum of the set bits' positions of w.
func Mask(w uint64) uint32 {
	pos := make([]byte, 0, bits.OnesCount64(w))
	for w != 0 {
		pos = append(pos, byte(bits.TrailingZeros64(w)))
		w &= w - 1
	}
	return sum(pos)
}

// Decimal renders each value in decimal, separated by commas, and checksums the line.
func Decimal(vals []int32) (uint32, error) {
	if len(vals) > limits.MaxFields {
		return 0, errRecord
	}
	line := make([]byte, 0, len(vals)*12)
	for i, v := range vals {
		if i > 0 {
			line = append(line, ',')
		}
		line = strconv.AppendInt(line, int64(v), 10)
	}
	return sum(line), nil
}

// Words reads big-endian uint32 words counted by the record's first byte.
func Words(b []byte) (uint32, error) {
	if len(b) < 1 {
		return 0, errRecord
	}
	count := int(b[0] >> 4)
	if len(b) < 1+4*count {
		return 0, errRecord
	}
	ws := make([]uint32, count)
	for i := range ws {
		ws[i] = binary.BigEndian.Uint32(b[1+4*i:])
	}
	var x uint32
	for _, w := range ws {
		x += w
	}
	return x, nil
}

// Split cuts a value into chunks of at most 16 bytes and checksums each chunk's length prefix.
func Split(v []byte) (uint32, error) {
	if len(v) > maxValue {
		return 0, errRecord
	}
	chunks := make([][]byte, 0, (len(v)+15)/16)
	for len(v) > 0 {
		n := min(len(v), 16)
		chunks = append(chunks, v[:n])
		v = v[n:]
	}
	var x uint32
	for _, c := range chunks {
		x = x*31 + uint32(len(c))
	}
	return x, nil
}

// Reverse copies a record value reversed; the length is the record's byte.
func Reverse(rec []byte) uint32 {
	if len(rec) == 0 {
		return 0
	}
	n := min(int(rec[0]), len(rec)-1)
	out := make([]byte, n)
	for i := 0; i < n; i++ {
		out[i] = rec[n-i]
	}
	return sum(out)
}

// Pairs decodes key=value pairs of a short header into two parallel slices.
func Pairs(h string) (uint32, error) {
	if len(h) > 128 {
		return 0, errRecord
	}
	n := 0
	for i := 0; i < len(h); i++ {
		if h[i] == '=' {
			n++
		}
	}
	keys, vals := make([]string, 0, n), make([]string, 0, n)
	for len(h) > 0 {
		var kv string
		kv, h, _ = cut(h, ';')
		k, v, _ := cut(kv, '=')
		keys, vals = append(keys, k), append(vals, v)
	}
	var x uint32
	for i := range keys {
		x += uint32(len(keys[i]) * len(vals[i]))
	}
	return x, nil
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

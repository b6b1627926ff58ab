// Package rowkey encodes database row keys, varints and bit-packed columns.
package rowkey

import (
	"encoding/binary"
	"errors"
	"math/bits"
	"strconv"

	"example.com/recfmt/limits"
)

var errKey = errors.New("rowkey: key too long")

const (
	tagRow   = 'r'
	tagIndex = 'i'
	sep      = 0x00
)

// Key is an encoded row key.
type Key string

// RowKey builds table \x00 id as a map key.
func RowKey(table string, id int64) (Key, error) {
	if limits.Bytes(len(table)) > limits.MaxKey {
		return "", errKey
	}
	b := make([]byte, 0, 1+len(table)+1+20)
	b = append(b, tagRow)
	b = append(b, table...)
	b = append(b, sep)
	b = strconv.AppendInt(b, id, 10)
	return Key(b), nil
}

// IndexKey builds index \x00 col \x00 value, escaping zero bytes in the value.
func IndexKey(index, col string, value []byte) (Key, error) {
	if len(index)+len(col) > int(limits.MaxKey) || len(value) > int(limits.MaxKey) {
		return "", errKey
	}
	b := make([]byte, 0, 3+len(index)+len(col)+2*len(value))
	b = append(b, tagIndex)
	b = append(b, index...)
	b = append(b, sep)
	b = append(b, col...)
	b = append(b, sep)
	for _, c := range value {
		if c == sep {
			b = append(b, sep, 0xff)
			continue
		}
		b = append(b, c)
	}
	return Key(b), nil
}

// PutUvarints encodes vals as consecutive uvarints and returns their checksum.
func PutUvarints(vals []uint64) (uint32, error) {
	if len(vals) > limits.MaxCols {
		return 0, errKey
	}
	buf := make([]byte, binary.MaxVarintLen64*len(vals))
	n := 0
	for _, v := range vals {
		n += binary.PutUvarint(buf[n:], v)
	}
	var s uint32
	for _, c := range buf[:n] {
		s = s*33 + uint32(c)
	}
	return s, nil
}

func uvarintLen(v uint64) int {
	return (bits.Len64(v|1) + 6) / 7
}

// CompositeKey encodes (tenant, kind, id) as uvarints sized exactly.
func CompositeKey(tenant, kind, id uint64) Key {
	n := uvarintLen(tenant) + uvarintLen(kind) + uvarintLen(id)
	b := make([]byte, n)
	off := binary.PutUvarint(b, tenant)
	off += binary.PutUvarint(b[off:], kind)
	binary.PutUvarint(b[off:], id)
	return Key(b)
}

// Uvarints decodes a count-prefixed list of uvarints and returns their sum.
func Uvarints(b []byte) (uint64, error) {
	count, k := binary.Uvarint(b)
	if k <= 0 || count > limits.MaxCols {
		return 0, errKey
	}
	b = b[k:]
	vals := make([]uint64, 0, count)
	for i := uint64(0); i < count; i++ {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, errKey
		}
		vals = append(vals, v)
		b = b[n:]
	}
	var s uint64
	for _, v := range vals {
		s += v
	}
	return s, nil
}

// Pack packs each value's low width bits, little-endian, and returns the packed bytes' xor.
func Pack(vals []uint32, width int) (byte, error) {
	if width < 1 || width > 32 || len(vals) > 64 {
		return 0, errKey
	}
	nbits := width * len(vals)
	out := make([]byte, (nbits+7)/8)
	pos := 0
	for _, v := range vals {
		for i := 0; i < width; i++ {
			if v>>uint(i)&1 != 0 {
				out[pos/8] |= 1 << uint(pos%8)
			}
			pos++
		}
	}
	var x byte
	for _, c := range out {
		x ^= c
	}
	return x, nil
}

// Bitmap returns how many of the first n bits of a null bitmap are set.
func Bitmap(set func(int) bool, n int) int {
	if n < 0 || n > 4096 {
		return -1
	}
	words := make([]uint64, (n+63)/64)
	for i := 0; i < n; i++ {
		if set(i) {
			words[i/64] |= 1 << uint(i%64)
		}
	}
	c := 0
	for _, w := range words {
		c += bits.OnesCount64(w)
	}
	return c
}

// Kinds returns a one-byte code per column kind, each checked against the known kinds.
func Kinds(ks []limits.Kind) (uint64, error) {
	if len(ks) > limits.MaxCols {
		return 0, errKey
	}
	codes := make([]byte, len(ks))
	for i, k := range ks {
		if k >= limits.NumKinds {
			return 0, errKey
		}
		codes[i] = "ifst"[k]
	}
	var h uint64
	for _, c := range codes {
		h = h<<5 ^ uint64(c)
	}
	return h, nil
}

// Scan reads records of a one-byte length and body, and sums the bodies' bytes.
func Scan(b []byte) int {
	sum := 0
	for len(b) > 0 {
		n := int(b[0])
		b = b[1:]
		if n > len(b) {
			return -1
		}
		body := make([]byte, n)
		copy(body, b[:n])
		b = b[n:]
		for _, c := range body {
			sum += int(c)
		}
	}
	return sum
}

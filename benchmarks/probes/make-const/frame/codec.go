package frame

import (
	"encoding/binary"
	"errors"

	"example.com/wire/limits"
)

var errField = errors.New("frame: bad field")

// uvarintLen is the number of bytes binary.PutUvarint writes for v.
func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

func fnv32(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// LengthPrefix hashes v's uvarint encoding followed by the key: a record's index key.
func LengthPrefix(v uint64, key string) (uint32, error) {
	if len(key) > limits.MaxKey {
		return 0, errField
	}
	b := make([]byte, uvarintLen(v)+len(key))
	k := binary.PutUvarint(b, v)
	copy(b[k:], key)
	return fnv32(b), nil
}

// Decoder reads fields from a buffered record.
type Decoder struct {
	buf    []byte
	keyLen int
	off    int
}

// Key hashes the decoder's current key.
func (d *Decoder) Key() (uint32, error) {
	if d.keyLen <= 0 || d.keyLen > limits.MaxKey {
		return 0, errField
	}
	k := make([]byte, d.keyLen)
	copy(k, d.buf[d.off:])
	return fnv32(k), nil
}

// fieldLen reads a field's one-byte length, refusing lengths beyond limits.MaxLabel.
func fieldLen(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := int(b[0] & 0x7f)
	if n > limits.MaxLabel {
		return 0, false
	}
	return n, true
}

// Label hashes a one-byte length-prefixed label.
func Label(b []byte) (uint32, error) {
	n, ok := fieldLen(b)
	if !ok {
		return 0, errField
	}
	lab := make([]byte, n)
	copy(lab, b[1:])
	return fnv32(lab), nil
}

// Rest hashes what follows the header in a packet of at most maxPayload bytes.
func Rest(p []byte, off int) (uint32, error) {
	if len(p) > maxPayload || off < 0 || off > len(p) {
		return 0, errField
	}
	rest := make([]byte, len(p)-off)
	copy(rest, p[off:])
	return fnv32(rest), nil
}

// Number hashes the run of ASCII digits at the start of s (at most 256 bytes long).
func Number(s string) (uint32, error) {
	if len(s) > 256 {
		return 0, errField
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	digits := make([]byte, i)
	copy(digits, s)
	return fnv32(digits), nil
}

// Vector reads a vector of at most 1023 bits: its 10-bit count is the top of a 16-bit word.
func Vector(b []byte) (uint32, error) {
	if len(b) < 2 {
		return 0, errShort
	}
	w := binary.BigEndian.Uint16(b)
	nbits := int(w >> 6)
	words := make([]uint64, (nbits+63)/64)
	for i := range words {
		words[i] = uint64(i) * uint64(w)
	}
	var x uint64
	for _, v := range words {
		x ^= v
	}
	return uint32(x), nil
}

// Columns splits a record into at most limits.MaxFields rows of 8-byte cells.
func Columns(p []byte, n int) (int, error) {
	if n <= 0 || n > limits.MaxFields {
		return 0, errField
	}
	rows := make([][]byte, n)
	for i := range rows {
		lo := min(i*8, len(p))
		rows[i] = p[lo:min(lo+8, len(p))]
	}
	total := 0
	for _, r := range rows {
		total += len(r)
	}
	return total, nil
}

// Padded hashes a key padded with zeros to a multiple of 8 bytes.
func Padded(key string) (uint32, error) {
	if len(key) > limits.MaxKey {
		return 0, errField
	}
	n := (len(key) + 7) &^ 7
	buf := make([]byte, n)
	copy(buf, key)
	return fnv32(buf), nil
}

// Async hashes a key in the background while the caller grows it: the size is raced.
func Async(key []byte, extra int) uint32 {
	n := len(key)
	if n > limits.MaxKey {
		return 0
	}
	done := make(chan uint32)
	go func() {
		b := make([]byte, n)
		copy(b, key)
		done <- fnv32(b)
	}()
	n += extra
	return <-done + uint32(n)
}

// Package wire encodes protobuf-style wire records: varints, zigzag, tags and packed fields.
package wire

import (
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
)

var (
	ErrTooMany  = errors.New("wire: too many values")
	ErrOverflow = errors.New("wire: varint overflows")
	ErrShort    = errors.New("wire: short buffer")
)

// MaxPacked is the most values a packed field may carry in one record.
const MaxPacked = 32

// WireType is a field's wire type.
type WireType uint8

const (
	Varint  WireType = 0
	Fixed64 WireType = 1
	Bytes   WireType = 2
	Fixed32 WireType = 5
)

// SizeVarint is the number of bytes v takes as a varint.
func SizeVarint(v uint64) int {
	return 1 + (bits.Len64(v|1)-1)/7
}

// PackedSize is the encoded size of a packed repeated field of vals, tag included.
func PackedSize(field int, vals []uint64) (int, error) {
	if len(vals) > MaxPacked {
		return 0, ErrTooMany
	}
	buf := make([]byte, 0, binary.MaxVarintLen64*(len(vals)+2))
	buf = binary.AppendUvarint(buf, uint64(field)<<3|uint64(Bytes))
	var body int
	for _, v := range vals {
		body += SizeVarint(v)
	}
	buf = binary.AppendUvarint(buf, uint64(body))
	for _, v := range vals {
		buf = binary.AppendUvarint(buf, v)
	}
	return len(buf), nil
}

// WritePacked writes a packed repeated field of vals to w.
func WritePacked(w io.Writer, field int, vals []uint64) error {
	if len(vals) > MaxPacked {
		return ErrTooMany
	}
	buf := make([]byte, 0, binary.MaxVarintLen64*(len(vals)+2))
	buf = binary.AppendUvarint(buf, uint64(field)<<3|uint64(Bytes))
	var body int
	for _, v := range vals {
		body += SizeVarint(v)
	}
	buf = binary.AppendUvarint(buf, uint64(body))
	for _, v := range vals {
		buf = binary.AppendUvarint(buf, v)
	}
	_, err := w.Write(buf)
	return err
}

// Zigzag maps signed values to unsigned ones and returns their total varint size.
func ZigzagSize(vals []int64) (int, error) {
	if len(vals) > MaxPacked {
		return 0, ErrTooMany
	}
	zz := make([]uint64, len(vals))
	for i, v := range vals {
		zz[i] = uint64(v<<1) ^ uint64(v>>63)
	}
	n := 0
	for _, u := range zz {
		n += SizeVarint(u)
	}
	return n, nil
}

// DecodePacked decodes count varints from b into a fresh slice the caller keeps.
func DecodePacked(b []byte, count int) ([]uint64, error) {
	if count > MaxPacked {
		return nil, ErrTooMany
	}
	out := make([]uint64, 0, count)
	for len(out) < count {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, ErrOverflow
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// SumPacked decodes a packed field's body and sums it; the count comes from the caller's header.
func SumPacked(b []byte, count uint8) (uint64, error) {
	vals := make([]uint64, count)
	for i := range vals {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, ErrOverflow
		}
		vals[i] = v
		b = b[n:]
	}
	var s uint64
	for _, v := range vals {
		s += v
	}
	return s, nil
}

// TagBytes is the key of field with wire type wt, as bytes, for a comparison.
func TagEqual(b []byte, field int, wt WireType) bool {
	if field <= 0 || field >= 1<<29 {
		return false
	}
	key := make([]byte, 0, SizeVarint(uint64(field)<<3))
	key = binary.AppendUvarint(key, uint64(field)<<3|uint64(wt))
	if len(b) < len(key) {
		return false
	}
	return string(b[:len(key)]) == string(key)
}

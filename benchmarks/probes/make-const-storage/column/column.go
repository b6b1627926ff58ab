// Package column encodes integer columns in blocks: delta, zigzag and byte-width packing.
package column

import (
	"encoding/binary"
	"errors"
	"math/bits"
)

const blockLen = 128

var errWidth = errors.New("column: bad width")

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

// Width is the bytes each value of a block is packed to.
type Width uint8

const (
	W1 Width = 1 << iota
	W2
	W4
	W8
)

func widthFor(max uint64) Width {
	switch {
	case max < 1<<8:
		return W1
	case max < 1<<16:
		return W2
	case max < 1<<32:
		return W4
	}
	return W8
}

// Encode appends vals to dst in blocks of up to 128 values.
func Encode(dst []byte, vals []int64) []byte {
	var prev int64
	for len(vals) > 0 {
		n := min(len(vals), blockLen)
		zz := make([]uint64, n)
		var max uint64
		for i, v := range vals[:n] {
			zz[i] = zigzag(v - prev)
			prev = v
			max |= zz[i]
		}
		w := widthFor(max)
		packed := make([]byte, n*int(w))
		for i, z := range zz {
			switch w {
			case W1:
				packed[i] = byte(z)
			case W2:
				binary.LittleEndian.PutUint16(packed[2*i:], uint16(z))
			case W4:
				binary.LittleEndian.PutUint32(packed[4*i:], uint32(z))
			default:
				binary.LittleEndian.PutUint64(packed[8*i:], z)
			}
		}
		dst = append(dst, byte(n), byte(w))
		dst = append(dst, packed...)
		vals = vals[n:]
	}
	return dst
}

// DecodeBlock decodes one block of src into out and returns the bytes read.
func DecodeBlock(src []byte, out []int64, prev int64) (int, error) {
	if len(src) < 2 {
		return 0, errWidth
	}
	n, w := int(src[0]), int(src[1])
	var size int
	switch w {
	case 1:
		size = 1
	case 2:
		size = 2
	case 4:
		size = 4
	case 8:
		size = 8
	default:
		return 0, errWidth
	}
	if len(src) < 2+n*size {
		return 0, errWidth
	}
	zz := make([]uint64, n)
	for i := range zz {
		p := src[2+i*size:]
		switch size {
		case 1:
			zz[i] = uint64(p[0])
		case 2:
			zz[i] = uint64(binary.LittleEndian.Uint16(p))
		case 4:
			zz[i] = uint64(binary.LittleEndian.Uint32(p))
		default:
			zz[i] = binary.LittleEndian.Uint64(p)
		}
	}
	for i, z := range zz {
		if i >= len(out) {
			break
		}
		prev += int64(z>>1) ^ -int64(z&1)
		out[i] = prev
	}
	return 2 + n*size, nil
}

// BitPack packs each value of vals into width bits and returns the words' xor, a block fingerprint.
func BitPack(vals []uint32, width int) uint64 {
	if width < 1 || width > 32 || len(vals) > blockLen {
		return 0
	}
	words := make([]uint64, (len(vals)*width+63)/64)
	pos := 0
	for _, v := range vals {
		v &= 1<<width - 1
		words[pos/64] |= uint64(v) << (pos % 64)
		if pos%64+width > 64 {
			words[pos/64+1] |= uint64(v) >> (64 - pos%64)
		}
		pos += width
	}
	var fp uint64
	for _, w := range words {
		fp ^= bits.RotateLeft64(w, 7)
	}
	return fp
}

// RunLengths counts runs in a column, for the planner; unbounded input.
func RunLengths(vals []int64) int {
	runs := make([]int, 0, len(vals))
	for i, v := range vals {
		if i == 0 || v != vals[i-1] {
			runs = append(runs, 1)
			continue
		}
		runs[len(runs)-1]++
	}
	return len(runs)
}

// Dictionary returns the distinct values of a block in first-seen order, kept by the caller.
func Dictionary(vals []int64) []int64 {
	n := min(len(vals), blockLen)
	dict := make([]int64, 0, n)
	for _, v := range vals[:n] {
		found := false
		for _, d := range dict {
			if d == v {
				found = true
				break
			}
		}
		if !found {
			dict = append(dict, v)
		}
	}
	return dict
}

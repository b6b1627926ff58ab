// Package pack frames and compresses the ingest pipeline's blocks.
package pack

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// MaxBlock is the largest block the RLE stage takes.
const MaxBlock = 256

var (
	errBlock = errors.New("pack: block too large")
	errShort = errors.New("pack: short buffer")
)

// RLE run-length encodes src into dst as (count, byte) pairs and returns the bytes written.
func RLE(dst, src []byte) (int, error) {
	if len(src) > MaxBlock {
		return 0, errBlock
	}
	out := make([]byte, 0, 2*len(src))
	for i := 0; i < len(src); {
		j := i + 1
		for j < len(src) && src[j] == src[i] && j-i < 255 {
			j++
		}
		out = append(out, byte(j-i), src[i])
		i = j
	}
	if len(out) > len(dst) {
		return 0, errShort
	}
	return copy(dst, out), nil
}

// MaxPayload is the largest payload one frame carries.
const MaxPayload = 1000

// FrameCRC returns the CRC-32 of a frame header (type and length) followed by its payload.
func FrameCRC(typ uint32, payload []byte) (uint32, error) {
	if len(payload) > MaxPayload {
		return 0, errBlock
	}
	buf := make([]byte, 0, 8+len(payload))
	buf = binary.BigEndian.AppendUint32(buf, typ)
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(payload)))
	buf = append(buf, payload...)
	return crc32.ChecksumIEEE(buf), nil
}

// hashBits bounds the LZ matcher's head table.
const maxHashBits = 12

// Matches counts the back-references an LZ77 matcher would emit for src with a 2^bits head table.
func Matches(src []byte, bits int) int {
	if bits > maxHashBits {
		bits = maxHashBits
	}
	if bits < 4 {
		bits = 4
	}
	head := make([]int32, 1<<bits)
	for i := range head {
		head[i] = -1
	}
	n := 0
	for i := 0; i+3 <= len(src); i++ {
		h := (uint32(src[i]) | uint32(src[i+1])<<8 | uint32(src[i+2])<<16) * 2654435761 >> (32 - bits)
		if p := head[h]; p >= 0 && src[p] == src[i] && src[p+1] == src[i+1] && src[p+2] == src[i+2] {
			n++
		}
		head[h] = int32(i)
	}
	return n
}

// CodeLengths returns the longest Huffman code a symbol count table would need (a package-merge estimate).
func CodeLengths(freqs []uint32) int {
	if len(freqs) > 286 {
		return -1
	}
	lengths := make([]uint8, len(freqs))
	var total uint64
	for _, f := range freqs {
		total += uint64(f)
	}
	longest := 0
	for i, f := range freqs {
		if f == 0 {
			continue
		}
		l := 1
		for uint64(f)<<l < total {
			l++
		}
		lengths[i] = uint8(l)
		longest = max(longest, l)
	}
	return longest
}

// PutVarints writes vals as unsigned varints into dst, all or nothing.
func PutVarints(dst []byte, vals []uint64) (int, error) {
	if len(vals) > 32 {
		return 0, errBlock
	}
	tmp := make([]byte, binary.MaxVarintLen64*len(vals))
	n := 0
	for _, v := range vals {
		n += binary.PutUvarint(tmp[n:], v)
	}
	if n > len(dst) {
		return 0, errShort
	}
	return copy(dst, tmp[:n]), nil
}

// Deltas delta-encodes timestamps of any count and returns the largest delta.
func Deltas(ts []int64) int64 {
	d := make([]int64, len(ts))
	for i := 1; i < len(ts); i++ {
		d[i] = ts[i] - ts[i-1]
	}
	var m int64
	for _, v := range d {
		m = max(m, v)
	}
	return m
}

// Armor base64-encodes a small block into dst for the text transport.
func Armor(dst []byte, block []byte) (int, error) {
	if len(block) > 96 {
		return 0, errBlock
	}
	enc := make([]byte, base64.StdEncoding.EncodedLen(len(block)))
	base64.StdEncoding.Encode(enc, block)
	return copy(dst, enc), nil
}

// Adler32 sums blocks of at most 5552 bytes as zlib does, returning per-block sums into sums.
func Adler32(data []byte, sums []uint32) int {
	const nmax = 5552
	blocks := (len(data) + nmax - 1) / nmax
	if blocks > len(sums) {
		blocks = len(sums)
	}
	if blocks > 8 {
		blocks = 8
	}
	part := make([]uint32, blocks)
	a, b := uint32(1), uint32(0)
	for i := range part {
		end := min((i+1)*nmax, len(data))
		for _, c := range data[i*nmax : end] {
			a += uint32(c)
			b += a
		}
		a %= 65521
		b %= 65521
		part[i] = b<<16 | a
	}
	return copy(sums, part)
}

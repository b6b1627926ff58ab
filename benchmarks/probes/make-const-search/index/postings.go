// Package index holds posting lists, skip data, query parsing and scoring.
package index

import (
	"encoding/binary"
	"errors"
)

// BlockSize is the number of doc ids in one posting block.
const BlockSize = 128

// MaxPosting is how long a posting list the segment writer accepts.
const MaxPosting = 1 << 20

var (
	errBlock   = errors.New("index: block too large")
	errCorrupt = errors.New("index: corrupt block")
)

// AppendBlock appends a block of increasing doc ids as delta varints.
func AppendBlock(dst []byte, docs []uint32) ([]byte, error) {
	if len(docs) > BlockSize {
		return dst, errBlock
	}
	deltas := make([]uint32, len(docs))
	prev := uint32(0)
	for i, d := range docs {
		deltas[i] = d - prev
		prev = d
	}
	for _, d := range deltas {
		dst = binary.AppendUvarint(dst, uint64(d))
	}
	return dst, nil
}

// BlockBytes encodes one block into a scratch buffer and returns its size.
func BlockBytes(docs []uint32) int {
	if len(docs) > BlockSize {
		panic("index: block too large")
	}
	buf := make([]byte, binary.MaxVarintLen32*len(docs))
	n := 0
	prev := uint32(0)
	for _, d := range docs {
		n += binary.PutUvarint(buf[n:], uint64(d-prev))
		prev = d
	}
	return n
}

// SumBlock decodes n delta varints and sums the doc ids (a checksum the
// segment verifier compares).
func SumBlock(src []byte, n int) (uint64, error) {
	if n < 0 || n > BlockSize {
		return 0, errBlock
	}
	docs := make([]uint32, n)
	prev := uint32(0)
	for i := range docs {
		d, k := binary.Uvarint(src)
		if k <= 0 {
			return 0, errCorrupt
		}
		src = src[k:]
		prev += uint32(d)
		docs[i] = prev
	}
	var sum uint64
	for _, d := range docs {
		sum += uint64(d)
	}
	return sum, nil
}

// DecodeBlock decodes a block into a fresh slice the cursor keeps.
func DecodeBlock(src []byte, n int) ([]uint32, error) {
	if n > BlockSize {
		return nil, errBlock
	}
	docs := make([]uint32, 0, n)
	prev := uint32(0)
	for len(docs) < n {
		d, k := binary.Uvarint(src)
		if k <= 0 {
			return nil, errCorrupt
		}
		src = src[k:]
		prev += uint32(d)
		docs = append(docs, prev)
	}
	return docs, nil
}

// BlockMaxima builds the skip list of block maxima and reports the first
// block that may hold target.
func BlockMaxima(docs []uint32, target uint32) int {
	nb := (len(docs) + BlockSize - 1) / BlockSize
	maxes := make([]uint32, nb)
	for b := range maxes {
		end := min((b+1)*BlockSize, len(docs))
		maxes[b] = docs[end-1]
	}
	for b, m := range maxes {
		if m >= target {
			return b
		}
	}
	return -1
}

// SegmentSkips is BlockMaxima for a list the segment writer has checked.
func SegmentSkips(docs []uint32, target uint32) int {
	if len(docs) > 64*BlockSize {
		return -2
	}
	nb := (len(docs) + BlockSize - 1) / BlockSize
	maxes := make([]uint32, nb)
	for b := range maxes {
		end := min((b+1)*BlockSize, len(docs))
		maxes[b] = docs[end-1]
	}
	for b, m := range maxes {
		if m >= target {
			return b
		}
	}
	return -1
}

// IntersectCount counts doc ids in both lists.
func IntersectCount(a, b []uint32) int {
	out := make([]uint32, 0, min(len(a), len(b)))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return len(out)
}

// Cursor walks a posting list one decoded block at a time.
type Cursor struct {
	block []uint32
	pos   int
}

// Load decodes the block the cursor walks next; the cursor keeps it.
func (c *Cursor) Load(src []byte, n int) error {
	if n > BlockSize {
		return errBlock
	}
	buf := make([]uint32, n)
	prev := uint32(0)
	for i := range buf {
		d, k := binary.Uvarint(src)
		if k <= 0 {
			return errCorrupt
		}
		src = src[k:]
		prev += uint32(d)
		buf[i] = prev
	}
	c.block, c.pos = buf, 0
	return nil
}

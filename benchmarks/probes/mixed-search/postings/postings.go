// Package postings encodes sorted document-id lists as delta + varint blocks.
package postings

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"

	"example.com/probes/mixed-search/limits"
)

// ErrCorrupt is returned for a block that does not decode.
var ErrCorrupt = errors.New("postings: corrupt block")

// AppendBlock appends the delta + varint encoding of ids (sorted) to dst.
func AppendBlock(dst []byte, ids []uint64) []byte {
	var prev uint64
	for _, id := range ids {
		dst = binary.AppendUvarint(dst, id-prev)
		prev = id
	}
	return dst
}

// WriteBlock writes the count and the delta-encoded ids to w.
func WriteBlock(w io.Writer, ids []uint64) error {
	buf := make([]byte, binary.MaxVarintLen64)
	n := binary.PutUvarint(buf, uint64(len(ids)))
	if _, err := w.Write(buf[:n]); err != nil {
		return err
	}
	var prev uint64
	for _, id := range ids {
		n = binary.PutUvarint(buf, id-prev)
		if _, err := w.Write(buf[:n]); err != nil {
			return err
		}
		prev = id
	}
	return nil
}

// EncodedSize returns the bytes WriteBlock would write for ids.
func EncodedSize(ids []uint64) int {
	scratch := make([]byte, binary.MaxVarintLen64)
	total := binary.PutUvarint(scratch, uint64(len(ids)))
	var prev uint64
	for _, id := range ids {
		total += binary.PutUvarint(scratch, id-prev)
		prev = id
	}
	return total
}

// Decode reads a block written by WriteBlock.
func Decode(r io.ByteReader) ([]uint64, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<20 {
		return nil, ErrCorrupt
	}
	out := make([]uint64, 0, n)
	var prev uint64
	for i := uint64(0); i < n; i++ {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, ErrCorrupt
		}
		prev += d
		out = append(out, prev)
	}
	return out, nil
}

// Count returns how many ids a block holds without decoding them.
func Count(block []byte) (int, error) {
	n, k := binary.Uvarint(block)
	if k <= 0 {
		return 0, ErrCorrupt
	}
	return int(n), nil
}

// Intersect returns the ids in both sorted lists.
func Intersect(a, b []uint64) []uint64 {
	out := make([]uint64, 0, min(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// IntersectCount counts the ids in both sorted lists.
func IntersectCount(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Union merges two sorted lists, dropping duplicates.
func Union(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// BlockChecksums returns a checksum per BlockSize ids of a list.
func BlockChecksums(ids []uint64) []uint32 {
	var sums []uint32
	for start := 0; start < len(ids); start += limits.BlockSize {
		end := min(start+limits.BlockSize, len(ids))
		var s uint32
		for _, id := range ids[start:end] {
			s = s*31 + uint32(id)
		}
		sums = append(sums, s)
	}
	return sums
}

// BlockFirsts copies the first id of each block into a skip table it returns
// the length of.
func BlockFirsts(ids []uint64, skips *[16]uint64) int {
	n := 0
	for start := 0; start < len(ids) && n < len(skips); start += limits.BlockSize {
		skips[n] = ids[start]
		n++
	}
	return n
}

// Roundtrip encodes and decodes ids, for the self-check run at index open.
func Roundtrip(ids []uint64) bool {
	var buf bytes.Buffer
	if err := WriteBlock(&buf, ids); err != nil {
		return false
	}
	got, err := Decode(&buf)
	if err != nil || len(got) != len(ids) {
		return false
	}
	for i := range got {
		if got[i] != ids[i] {
			return false
		}
	}
	return true
}

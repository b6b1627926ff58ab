// Package segment writes immutable index segments (term, postings, crc32 per
// entry) and merges them.
package segment

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"

	"example.com/probes/mixed-search/limits"
	"example.com/probes/mixed-search/postings"
)

// ErrChecksum is returned for an entry whose crc32 does not match.
var ErrChecksum = errors.New("segment: checksum mismatch")

// Entry is one term and its postings.
type Entry struct {
	Term string
	IDs  []uint64
}

// Writer writes entries to an underlying writer.
type Writer struct {
	w     *bufio.Writer
	n     int
	table *crc32.Table
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriter(w), table: crc32.MakeTable(crc32.Castagnoli)}
}

// Add writes one entry: term length, term, block length, block, crc32.
func (sw *Writer) Add(e Entry) error {
	if len(e.Term) > limits.MaxTokenLen {
		return fmt.Errorf("segment: term %.16q… too long", e.Term)
	}
	var hdr [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(hdr[:], uint64(len(e.Term)))
	sw.w.Write(hdr[:n])
	sw.w.WriteString(e.Term)
	block := postings.AppendBlock(nil, e.IDs)
	n = binary.PutUvarint(hdr[:], uint64(len(block)))
	sw.w.Write(hdr[:n])
	sw.w.Write(block)
	sum := crc32.Checksum(block, sw.table)
	var tail [4]byte
	binary.LittleEndian.PutUint32(tail[:], sum)
	_, err := sw.w.Write(tail[:])
	sw.n++
	return err
}

// Close flushes the writer.
func (sw *Writer) Close() error { return sw.w.Flush() }

// Len returns the entries written.
func (sw *Writer) Len() int { return sw.n }

// Write writes entries sorted by term to w and returns the bytes written.
func Write(w io.Writer, entries []Entry) (int, error) {
	sorted := make([]Entry, len(entries))
	copy(sorted, entries)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Term < sorted[j].Term })
	var buf bytes.Buffer
	sw := NewWriter(&buf)
	for _, e := range sorted {
		if err := sw.Add(e); err != nil {
			return 0, err
		}
	}
	if err := sw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(buf.Bytes())
	return n, err
}

// Read reads every entry of a segment.
func Read(r io.Reader) ([]Entry, error) {
	br := bufio.NewReader(r)
	table := crc32.MakeTable(crc32.Castagnoli)
	var out []Entry
	for {
		tl, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return out, nil
		}
		if err != nil || tl > limits.MaxTokenLen {
			return nil, errors.New("segment: bad term length")
		}
		term := make([]byte, tl)
		if _, err := io.ReadFull(br, term); err != nil {
			return nil, err
		}
		bl, err := binary.ReadUvarint(br)
		if err != nil || bl > 1<<24 {
			return nil, errors.New("segment: bad block length")
		}
		block := make([]byte, bl)
		if _, err := io.ReadFull(br, block); err != nil {
			return nil, err
		}
		var tail [4]byte
		if _, err := io.ReadFull(br, tail[:]); err != nil {
			return nil, err
		}
		if crc32.Checksum(block, table) != binary.LittleEndian.Uint32(tail[:]) {
			return nil, ErrChecksum
		}
		ids, err := postings.Decode(bytes.NewReader(prefixed(block)))
		if err != nil {
			return nil, err
		}
		out = append(out, Entry{string(term), ids})
	}
}

// prefixed turns an AppendBlock body into a Decode block by counting its ids.
func prefixed(block []byte) []byte {
	n := 0
	for _, c := range block {
		if c < 0x80 {
			n++
		}
	}
	return append(binary.AppendUvarint(nil, uint64(n)), block...)
}

// Merge merges two segments' entries; terms in both get the union of postings.
func Merge(a, b []Entry) []Entry {
	out := make([]Entry, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].Term < b[j].Term):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Term < a[i].Term:
			out = append(out, b[j])
			j++
		default:
			out = append(out, Entry{a[i].Term, postings.Union(a[i].IDs, b[j].IDs)})
			i++
			j++
		}
	}
	return out
}

// Checksum returns the crc32 of the terms of entries, for the segment footer.
func Checksum(entries []Entry) uint32 {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	var lenbuf [binary.MaxVarintLen64]byte
	for _, e := range entries {
		n := binary.PutUvarint(lenbuf[:], uint64(len(e.Term)))
		h.Write(lenbuf[:n])
		io.WriteString(h, e.Term)
	}
	return h.Sum32()
}

// TermSum is the IEEE crc32 of one term written with its length prefix.
func TermSum(term string) uint32 {
	buf := make([]byte, 0, binary.MaxVarintLen64+limits.MaxTokenLen)
	if len(term) > limits.MaxTokenLen {
		term = term[:limits.MaxTokenLen]
	}
	buf = binary.AppendUvarint(buf, uint64(len(term)))
	buf = append(buf, term...)
	return crc32.ChecksumIEEE(buf)
}

// Footer writes the segment footer: entry count and checksum, as text.
func Footer(w io.Writer, entries []Entry) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "entries=%d crc=%08x\n", len(entries), Checksum(entries))
	_, err := w.Write(buf.Bytes())
	return err
}

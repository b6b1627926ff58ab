// Package fasta reads FASTA records line by line.
package fasta

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"

	"example.com/probes/make-const-bio/seq"
)

var errHeader = errors.New("fasta: header too long")

// Record is one FASTA entry.
type Record struct {
	ID  string
	Seq []byte
}

// HeaderID returns the identifier of a header line: the text after '>' up to the first blank.
func HeaderID(line []byte) (string, error) {
	if len(line) > seq.MaxHeader {
		return "", errHeader
	}
	id := make([]byte, 0, len(line))
	for _, c := range line {
		if c == '>' {
			continue
		}
		if c == ' ' || c == '\t' {
			break
		}
		id = append(id, c)
	}
	return string(id), nil
}

// Normalize upper-cases a sequence line and maps anything but ACGT to N, returning the N count.
func Normalize(line []byte) (int, error) {
	if len(line) > seq.MaxLine {
		return 0, errors.New("fasta: line too long")
	}
	out := make([]byte, len(line))
	n := 0
	for i, c := range bytes.ToUpper(line) {
		switch c {
		case 'A', 'C', 'G', 'T':
			out[i] = c
		default:
			out[i] = 'N'
			n++
		}
	}
	copy(line, out)
	return n, nil
}

// Read parses every record of r. The sequences are returned, so they live on the heap.
func Read(r io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(r)
	var recs []Record
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) > 0 && line[0] == '>' {
			recs = append(recs, Record{ID: strings.Fields(string(line[1:]))[0]})
			continue
		}
		if len(recs) == 0 {
			continue
		}
		last := &recs[len(recs)-1]
		s := make([]byte, len(line))
		copy(s, line)
		last.Seq = append(last.Seq, s...)
	}
	return recs, sc.Err()
}

// Wrap writes s in lines of width bases. The line buffer goes to w.
func Wrap(w io.Writer, s []byte, width int) error {
	if width < 1 || width > seq.MaxLine {
		return errors.New("fasta: bad width")
	}
	line := make([]byte, 0, width+1)
	for len(s) > 0 {
		n := min(width, len(s))
		line = append(line[:0], s[:n]...)
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
		s = s[n:]
	}
	return nil
}

// Checksum is a position-weighted sum of a line's bases, after masking lower case.
func Checksum(line []byte) uint32 {
	n := min(len(line), seq.MaxLine)
	masked := make([]byte, n)
	for i := 0; i < n; i++ {
		masked[i] = line[i] &^ 0x20
	}
	var sum uint32
	for i, c := range masked {
		sum += uint32(i+1) * uint32(c)
	}
	return sum
}

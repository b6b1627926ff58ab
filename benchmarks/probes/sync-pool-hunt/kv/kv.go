// Package kv parses key=value records read from a stream.
package kv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unsafe"
)

const recSize = 4096

var errShort = errors.New("kv: short record")

// Words reads one record and returns its whitespace-separated words.
func Words(r io.Reader) ([][]byte, error) {
	buf := make([]byte, recSize)
	n, err := io.ReadFull(r, buf)
	if err != nil && n == 0 {
		return nil, err
	}
	var words [][]byte
	for _, f := range bytes.Fields(buf[:n]) {
		words = append(words, f)
	}
	return words, nil
}

// WordsCopied reads one record and returns its words as strings.
func WordsCopied(r io.Reader) ([]string, error) {
	buf := make([]byte, recSize)
	n, err := io.ReadFull(r, buf)
	if err != nil && n == 0 {
		return nil, err
	}
	var words []string
	for _, f := range bytes.Fields(buf[:n]) {
		words = append(words, string(f))
	}
	return words, nil
}

// Split reads one record and returns its lines.
func Split(r io.Reader) [][]byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	lines := bytes.Split(buf[:n], []byte("\n"))
	return lines
}

// Pairs reads one record of k=v lines into a map.
func Pairs(r io.Reader) map[string][]byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	m := map[string][]byte{}
	for _, line := range bytes.Split(buf[:n], []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte("="))
		if ok {
			m[string(k)] = v
		}
	}
	return m
}

// Value returns the value of the first k=v pair.
func Value(r io.Reader) []byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	_, v, _ := bytes.Cut(buf[:n], []byte("="))
	return v
}

// ValueString returns the value of the first k=v pair as a string.
func ValueString(r io.Reader) string {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	_, v, _ := bytes.Cut(buf[:n], []byte("="))
	return string(v)
}

// ZeroCopy returns the record as a string without copying.
func ZeroCopy(r io.Reader) string {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	if n == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(buf), n)
}

// ZeroCopyBuffer renders into a Buffer and returns it without copying.
func ZeroCopyBuffer(k, v string) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s", k, v)
	return unsafe.String(unsafe.SliceData(b.Bytes()), b.Len())
}

// Clipped reads a record and returns it clipped.
func Clipped(r io.Reader) []byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	return slices.Clip(buf[:n])
}

// Trimmed reads a record and returns it trimmed.
func Trimmed(r io.Reader) []byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	return bytes.TrimSpace(buf[:n])
}

// Parts reads a record and returns its halves in an array.
func Parts(r io.Reader) [2][]byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	var parts [2][]byte
	parts[0] = buf[:n/2]
	parts[1] = buf[n/2 : n]
	return parts
}

// Header is a parsed header.
type Header struct {
	Name []byte
	Size int
}

// ParseHeader reads a header record.
func ParseHeader(r io.Reader) Header {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	h := Header{Size: n}
	h.Name = buf[:min(n, 8)]
	return h
}

// Lines scans records and returns the last line of each.
func Lines(r io.Reader, count int) []string {
	var out []string
	var prev []byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 600)
		n, err := io.ReadFull(r, buf)
		if n == 0 && err != nil {
			break
		}
		if prev != nil {
			out = append(out, string(prev))
		}
		prev, _, _ = bytes.Cut(buf[:n], []byte("\n"))
	}
	return out
}

// Dups counts records equal to the previous one.
func Dups(r io.Reader, count int) int {
	var last [1][]byte
	dups := 0
	for i := 0; i < count; i++ {
		buf := make([]byte, 64)
		n, err := io.ReadFull(r, buf)
		if n == 0 && err != nil {
			break
		}
		if last[0] != nil && bytes.Equal(last[0], buf[:n]) {
			dups++
		}
		last[0] = buf[:n]
	}
	return dups
}

// Fields returns the fields of each record, scanned with a Scanner over the record.
func Tokens(r io.Reader) []string {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	sc := bufio.NewScanner(bytes.NewReader(buf[:n]))
	sc.Split(bufio.ScanWords)
	var out []string
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// SeqWords returns the words through SplitSeq-like iteration.
func SeqWords(r io.Reader) [][]byte {
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	var out [][]byte
	for w := range bytes.FieldsSeq(buf[:n]) {
		out = append(out, w)
	}
	return out
}

// Upper renders a string upper-cased with a Builder.
func Upper(s string) string {
	var sb strings.Builder
	for _, c := range s {
		if c >= 'a' && c <= 'z' {
			c -= 32
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// Swap keeps the previous and current records.
func Swap(r io.Reader, count int) string {
	var cur, prev []byte
	for i := 0; i < count; i++ {
		buf := make([]byte, 600)
		n, _ := io.ReadFull(r, buf)
		prev, cur = cur, buf[:n]
	}
	return string(prev) + "|" + string(cur)
}

// Ptr keeps a record through a pointer.
func Ptr(r io.Reader) []byte {
	var out []byte
	p := &out
	buf := make([]byte, recSize)
	n, _ := io.ReadFull(r, buf)
	*p = buf[:n]
	return out
}

var errTooBig = errors.New("too big")

// Frame reads a framed payload and returns its first word.
func Frame(r io.Reader, n int) ([]byte, error) {
	if n > recSize || n < 0 {
		return nil, errTooBig
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	w, _, _ := bytes.Cut(buf, []byte(" "))
	return w, nil
}

// FrameFields reads a framed payload and returns its fields.
func FrameFields(r io.Reader, n int) [][]byte {
	if n > recSize || n < 0 {
		return nil
	}
	buf := make([]byte, n)
	io.ReadFull(r, buf)
	return bytes.Fields(buf)
}

// Short returns len(buf) of a short read.
func Short(r io.Reader) string {
	buf := make([]byte, recSize)
	n, err := io.ReadFull(r, buf)
	return fmt.Sprint(n, err, len(bytes.TrimRight(buf, "\x00")))
}

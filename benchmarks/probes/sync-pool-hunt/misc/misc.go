// Package misc holds a codec's rendering helpers.
package misc

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Header returns the first n bytes of the rendered record.
func Header(name string, n int) []byte {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "record:%s;", name)
	return b.Next(n)
}

// HeaderCopy returns a copy of the first n bytes of the rendered record.
func HeaderCopy(name string, n int) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "record:%s;", name)
	return string(b.Next(n))
}

// Fail panics with the rendered buffer.
func Fail(msg string) {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "fail: %s", msg)
	panic(b)
}

// FailBytes panics with the rendered bytes.
func FailBytes(msg string) {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "fail: %s", msg)
	panic(b.Bytes())
}

// FailErr panics with an error wrapping the rendered text.
func FailErr(msg string) {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "fail: %s", msg)
	panic(errors.New(b.String()))
}

// SafeRender recovers from Fail.
func SafeRender(msg string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint(r)
		}
	}()
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "ok: %s", msg)
	if strings.HasPrefix(msg, "!") {
		panic(b)
	}
	return b.String()
}

// Chunked is a reader that hands out at most one message per Read, cut to len(p).
type Chunked struct {
	Msgs [][]byte
}

func (c *Chunked) Read(p []byte) (int, error) {
	if len(c.Msgs) == 0 {
		return 0, io.EOF
	}
	m := c.Msgs[0]
	c.Msgs = c.Msgs[1:]
	n := copy(p, m)
	return n, nil
}

// Slurp copies the reader into a buffer and returns its length and text.
func Slurp(r io.Reader) (int, string) {
	b := new(bytes.Buffer)
	b.WriteString(">")
	if _, err := io.Copy(b, r); err != nil {
		return -1, err.Error()
	}
	return b.Len(), b.String()
}

// SlurpN copies at most n bytes.
func SlurpN(r io.Reader, n int64) string {
	b := new(bytes.Buffer)
	io.CopyN(b, r, n)
	return b.String()
}

// Prefix returns the first n bytes of the rendered line.
func Prefix(s string, n int) []byte {
	b := new(bytes.Buffer)
	b.WriteString(s)
	return b.Bytes()[:n]
}

// IsEmpty reports whether p is nil.
func isNil(p []byte) bool { return p == nil }

// Probe reports whether the rendering of s is nil.
func Probe(s string) bool {
	b := new(bytes.Buffer)
	b.WriteString(s)
	return isNil(b.Bytes())
}

// Logger keeps the writer it logs to.
type Logger struct {
	out io.Writer
}

func (l *Logger) SetOutput(w io.Writer) { l.out = w }

var std = &Logger{}

var mu sync.Mutex

// Capture renders into a buffer and points the logger at it.
func Capture(s string) string {
	mu.Lock()
	defer mu.Unlock()
	b := new(bytes.Buffer)
	std.SetOutput(b)
	b.WriteString(s)
	return b.String()
}

// Wrapped hands the buffer to a bufio.Writer kept by a package variable.
var lastWriter *bufio.Writer

func Wrapped(s string) string {
	mu.Lock()
	defer mu.Unlock()
	b := new(bytes.Buffer)
	w := bufio.NewWriter(b)
	lastWriter = w
	w.WriteString(s)
	w.Flush()
	return b.String()
}

// Hex renders the hex of s through a builder.
func Hex(s string) string {
	var sb strings.Builder
	d := hex.Dumper(&sb)
	d.Write([]byte(s))
	d.Close()
	return sb.String()
}

// HexLen returns the rendered hex with the builder's cap.
func HexLen(s string) (string, int) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%x", s)
	return sb.String(), sb.Len()
}

// Encode encodes v as json.
func Encode(v any) (string, error) {
	b := new(bytes.Buffer)
	if err := json.NewEncoder(b).Encode(v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Node is a tree.
type Node struct {
	Name string
	Kids []*Node
}

// Render renders a tree recursively, each level its own buffer.
func Render(n *Node) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "(%s", n.Name)
	for _, k := range n.Kids {
		b.WriteByte(' ')
		b.WriteString(Render(k))
	}
	b.WriteByte(')')
	return b.String()
}

// Sink keeps slices written to it (a contract breach).
type Sink struct{ Got [][]byte }

func (s *Sink) Write(p []byte) (int, error) { s.Got = append(s.Got, p); return len(p), nil }

// Emit writes the rendering to w.
func Emit(w io.Writer, s string) {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "<%s>", s)
	b.WriteTo(w)
}

// Grown returns the buffer's length after Grow and Truncate.
func Grown(s string, n int) (int, string) {
	b := new(bytes.Buffer)
	b.Grow(n)
	b.WriteString(s)
	b.Truncate(len(s) / 2)
	return b.Len(), b.String()
}

// Avail returns the buffer's available room.
func Avail(s string) int {
	b := new(bytes.Buffer)
	b.WriteString(s)
	return b.Available()
}

// ReadBack writes s and reads lines back.
func ReadBack(s string) []string {
	b := new(bytes.Buffer)
	b.WriteString(s)
	var out []string
	for {
		line, err := b.ReadString('\n')
		if line != "" {
			out = append(out, line)
		}
		if err != nil {
			break
		}
	}
	return out
}

// ReadBytes writes s and reads the first line's bytes (ReadBytes copies).
func FirstLine(s string) []byte {
	b := new(bytes.Buffer)
	b.WriteString(s)
	line, _ := b.ReadBytes('\n')
	return line
}

// Multi writes to both.
func Multi(w io.Writer, s string) string {
	b := new(bytes.Buffer)
	mw := io.MultiWriter(b, w)
	fmt.Fprint(mw, s)
	return b.String()
}

// MethodValue passes a method value of the buffer.
func MethodValue(parts []string) string {
	b := new(bytes.Buffer)
	write := b.WriteString
	for _, p := range parts {
		write(p)
	}
	return b.String()
}

var saved func(string) (int, error)

// MethodValueKept keeps a method value of the buffer.
func MethodValueKept(parts []string) string {
	mu.Lock()
	defer mu.Unlock()
	b := new(bytes.Buffer)
	saved = b.WriteString
	for _, p := range parts {
		saved(p)
	}
	return b.String()
}

// ReadFirst reads into p from the rendering.
func ReadFirst(s string, n int) []byte {
	b := new(bytes.Buffer)
	b.WriteString(s)
	p := make([]byte, n)
	k, _ := b.Read(p)
	return p[:k]
}

// UnreadOne reads a byte then unreads it.
func UnreadOne(s string) (string, error) {
	b := new(bytes.Buffer)
	b.WriteString(s)
	b.ReadByte()
	err := b.UnreadByte()
	if err != nil {
		return "", err
	}
	err = b.UnreadByte()
	return b.String(), err
}

// UnreadFresh unreads from a fresh buffer.
func UnreadFresh() string {
	b := new(bytes.Buffer)
	err := b.UnreadRune()
	fmt.Fprint(b, err)
	return b.String()
}

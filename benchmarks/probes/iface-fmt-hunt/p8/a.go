package p8

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Month2 is a methodless month.
type Month2 time.Month

// Header holds a line.
type Header struct {
	Key, Value string
	Meta       *Meta
	buf        bytes.Buffer
}

// Meta is reached through a pointer.
type Meta struct{ Name string }

func M2(m Month2) string { return fmt.Sprintf("m=%v", m) }

func BytesLeftOfCall(b []byte) string {
	reset := func() string { b[0] = 'X'; b = b[:1]; return "r" }
	return fmt.Sprintf("%s %s", b, reset())
}

func ConvLeftOfCall(b []byte) string {
	reset := func() string { b[0] = 'X'; b = b[:1]; return "r" }
	return fmt.Sprintf("%s %s", string(b), reset())
}

func SliceConvLeftOfCall(b []byte, n int) string {
	reset := func() string { b[0] = 'X'; return "r" }
	return fmt.Sprintf("%s %s", string(b[:n]), reset())
}

func WriteHeader(b *bytes.Buffer, h Header) {
	fmt.Fprintf(b, "%s: %s\r\n", h.Key, h.Value)
}

func WriteBuilder(b *strings.Builder, k, v string) {
	fmt.Fprintf(b, "<%s>%s</%s>", k, v, k)
}

func WriteOwn(h *Header, n int) string {
	fmt.Fprintf(&h.buf, "%s=%d;%s", h.Key, n, h.Value)
	return h.buf.String()
}

func Copied(k string) (out string) {
	var a strings.Builder
	a.WriteString("x")
	b := a
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("PANIC ", r, " a=", a.String())
		}
	}()
	fmt.Fprintf(&b, "%s=%s", k, k)
	return b.String()
}

func NewBuf(key string, raw []byte) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s=%s|%c", key, raw, 'x')
	return b.String()
}

func Reused(key string) string {
	var b bytes.Buffer
	b.WriteString("abcdefghij")
	old := b.Next(5)
	fmt.Fprintf(&b, "%s-%s", key, key)
	return string(old) + "|" + b.String()
}

func Avail(key string) string {
	b := new(bytes.Buffer)
	raw := b.AvailableBuffer()
	raw = append(raw, "payload"...)
	fmt.Fprintf(b, "%s=%s", key, raw)
	return b.String()
}

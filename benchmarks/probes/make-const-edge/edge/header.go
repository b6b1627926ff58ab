package edge

import (
	"net/textproto"
	"sync"
	"unicode/utf8"
)

// maxHeaderKey is the longest header name the proxy forwards; longer ones are dropped at the edge.
const maxHeaderKey = 64

// CanonicalKey canonicalizes a header name (content-type -> Content-Type) without textproto's
// interning table, which the proxy does not want to grow with attacker-chosen names.
func CanonicalKey(k string) string {
	if len(k) == 0 || len(k) > maxHeaderKey {
		return k
	}
	out := make([]byte, len(k))
	upper := true
	for i := 0; i < len(k); i++ {
		c := k[i]
		if upper && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
		upper = c == '-'
	}
	return string(out)
}

// SameKey compares two header names case-insensitively without allocating a canonical form for each.
func SameKey(a, b string) bool {
	if len(a) != len(b) || len(a) > maxHeaderKey {
		return textproto.CanonicalMIMEHeaderKey(a) == textproto.CanonicalMIMEHeaderKey(b)
	}
	fa := make([]byte, len(a))
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		fa[i] = c
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if fa[i] != c {
			return false
		}
	}
	return true
}

// QuoteValue quotes a header parameter value (RFC 7230 quoted-string), escaping " and \.
// A value is at most maxParam runes after the parser's check.
const maxParam = 40

func QuoteValue(v string) string {
	if utf8.RuneCountInString(v) > maxParam {
		return ""
	}
	q := make([]byte, 0, 2+2*len(v))
	q = append(q, '"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			q = append(q, '\\')
		}
		q = append(q, v[i])
	}
	q = append(q, '"')
	return string(q)
}

// FoldRunes lowercases a short header value rune by rune into a fixed scratch: each rune needs at most
// utf8.UTFMax bytes.
func FoldRunes(v string) int {
	if len(v) > 32 {
		return -1
	}
	buf := make([]byte, 0, utf8.UTFMax*len(v))
	for _, r := range v {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		buf = utf8.AppendRune(buf, r)
	}
	return len(buf)
}

// auditLog collects header names seen in a window; a flusher goroutine ships it.
type auditLog struct {
	mu    sync.Mutex
	names [][]byte
}

// Record keeps a copy of the canonical name: the copy is retained by the log, so it must live on the heap.
func (l *auditLog) Record(k string) {
	if len(k) > maxHeaderKey {
		return
	}
	c := make([]byte, len(k))
	copy(c, k)
	l.mu.Lock()
	l.names = append(l.names, c)
	l.mu.Unlock()
}

// Trace canonicalizes a key and hands it to a tracer goroutine, which reads the buffer after Trace
// has overwritten it with the next key: it really shares the bytes.
func Trace(keys []string, out chan<- string) {
	if len(keys) == 0 || len(keys[0]) > maxHeaderKey {
		return
	}
	buf := make([]byte, len(keys[0]))
	done := make(chan struct{})
	go func() {
		out <- string(buf)
		close(done)
	}()
	copy(buf, keys[0])
	<-done
}

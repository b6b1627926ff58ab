// Package gateway is an API gateway: it relays request and response bodies, rewrites headers, signs
// upstream requests, relays websocket frames and replays recorded traffic.
package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
)

const copyChunk = 32 << 10

// ErrTooLarge is returned when a body exceeds the route's limit.
var ErrTooLarge = errors.New("gateway: body too large")

// CopyBody relays an upstream body to the client through a scratch buffer.
func CopyBody(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, copyChunk)
	return io.CopyBuffer(dst, src, buf)
}

// CopyLimited relays at most limit bytes and reports ErrTooLarge past it.
func CopyLimited(dst io.Writer, src io.Reader, limit int64) (int64, error) {
	buf := make([]byte, copyChunk)
	n, err := io.CopyBuffer(dst, io.LimitReader(src, limit+1), buf)
	if err != nil {
		return n, err
	}
	if n > limit {
		return n, ErrTooLarge
	}
	return n, nil
}

// CopyCounting relays a body chunk by chunk, counting bytes for the metrics.
func CopyCounting(dst io.Writer, src io.Reader, counter *int64) error {
	buf := make([]byte, 16<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return werr
			}
			*counter += int64(n)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TeeBody relays a body and keeps its first bytes for the debug log: the sniffed prefix is returned.
func TeeBody(dst io.Writer, src io.Reader) ([]byte, error) {
	buf := make([]byte, copyChunk)
	n, err := io.ReadAtLeast(src, buf, 1)
	if err != nil {
		return nil, err
	}
	if _, err := dst.Write(buf[:n]); err != nil {
		return nil, err
	}
	if _, err := io.CopyBuffer(dst, src, buf); err != nil {
		return nil, err
	}
	return buf[:min(n, 64)], nil
}

// DrainBody reads and discards what is left of a body so the connection can be reused.
func DrainBody(r io.Reader) int64 {
	buf := make([]byte, 8<<10)
	var total int64
	for {
		n, err := r.Read(buf)
		total += int64(n)
		if err != nil {
			return total
		}
	}
}

// ForwardedHeader builds the Forwarded header value for an upstream request.
func ForwardedHeader(clientIP, host, proto string) string {
	var b bytes.Buffer
	b.WriteString("for=")
	if strings.Contains(clientIP, ":") {
		fmt.Fprintf(&b, "%q", "["+clientIP+"]")
	} else {
		b.WriteString(clientIP)
	}
	b.WriteString(";host=")
	b.WriteString(host)
	b.WriteString(";proto=")
	b.WriteString(proto)
	return b.String()
}

// CanonicalHeaders renders headers sorted by name, one "name: value" a line, as the debug endpoint shows.
func CanonicalHeaders(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	buf := new(bytes.Buffer)
	for _, k := range keys {
		fmt.Fprintf(buf, "%s: %s\n", strings.ToLower(k), strings.Join(h[k], ","))
	}
	return buf.String()
}

// WriteHeaders writes the response headers of a relayed response in wire format.
func WriteHeaders(w io.Writer, status int, h http.Header) error {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	if err := h.Write(buf); err != nil {
		return err
	}
	buf.WriteString("\r\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// StripHopHeaders returns the Connection header's tokens joined, for the audit log.
func StripHopHeaders(h http.Header) string {
	var b strings.Builder
	for _, v := range h.Values("Connection") {
		for _, tok := range strings.Split(v, ",") {
			tok = strings.TrimSpace(tok)
			if tok == "" {
				continue
			}
			h.Del(tok)
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(tok)
		}
	}
	h.Del("Connection")
	return b.String()
}

// Route is a gateway route; its last rendered rewrite rule is kept for the admin page.
type Route struct {
	Prefix   string
	Upstream string
	rendered *bytes.Buffer
}

// Render renders the route's rewrite rule and keeps the buffer for the admin page: must stay allocated.
func (r *Route) Render() string {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%s -> %s", r.Prefix, r.Upstream)
	r.rendered = buf
	return buf.String()
}

// RewritePath maps a request path onto the upstream's prefix.
func RewritePath(prefix, upstreamPrefix, path string) string {
	var b bytes.Buffer
	b.WriteString(upstreamPrefix)
	b.WriteString(strings.TrimPrefix(path, prefix))
	return b.String()
}

// HeaderBlock renders headers into a new buffer that the caller sends later: returned, must stay allocated.
func HeaderBlock(h http.Header) *bytes.Buffer {
	buf := new(bytes.Buffer)
	h.Write(buf)
	return buf
}

// Package upgrade decides whether a handler's writer can be taken over for a websocket.
package upgrade

import "net/http"

// bufferedWriter is the writer the batch path hands its handlers: it buffers the reply and cannot be hijacked.
type bufferedWriter struct {
	hdr  http.Header
	code int
	buf  []byte
}

func (b *bufferedWriter) Header() http.Header {
	if b.hdr == nil {
		b.hdr = http.Header{}
	}
	return b.hdr
}

func (b *bufferedWriter) Write(p []byte) (int, error) { b.buf = append(b.buf, p...); return len(p), nil }
func (b *bufferedWriter) WriteHeader(code int)        { b.code = code }

// CanUpgrade reports whether the batch path's writer can be hijacked for an upgrade.
func CanUpgrade() bool {
	bw := bufferedWriter{code: http.StatusOK} // want "moved to heap: bw"
	var w http.ResponseWriter = &bw
	if h, ok := w.(http.Hijacker); ok {
		conn, _, err := h.Hijack()
		if err != nil {
			return false
		}
		conn.Close()
		return true
	}
	return false
}

package composekit

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Gzip compresses a response body of at least min bytes when the client
// accepts gzip.
func Gzip(next http.Handler, min int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			next.ServeHTTP(w, r)
			return
		}
		rec := &recorder{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		if rec.body.Len() < min {
			w.Header().Set("Content-Length", strconv.Itoa(rec.body.Len()))
			w.WriteHeader(rec.status)
			w.Write(rec.body.Bytes())
			return
		}
		var zbuf bytes.Buffer
		zw := gzip.NewWriter(&zbuf)
		zw.Write(rec.body.Bytes())
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.Itoa(zbuf.Len()))
		w.WriteHeader(rec.status)
		w.Write(zbuf.Bytes())
	})
}

// recorder buffers a handler's response.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(code int)        { r.status = code }
func (r *recorder) Write(p []byte) (int, error) { return r.body.Write(p) }

// GzipBytes compresses data and returns the compressed copy.
func GzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return append([]byte(nil), buf.Bytes()...), nil
}

// GunzipTo decompresses r into w through a 32 KiB copy buffer.
func GunzipTo(w io.Writer, r io.Reader) (int64, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	buf := make([]byte, 32<<10)
	return io.CopyBuffer(w, zr, buf)
}

// ErrorPage writes a small HTML error page.
func ErrorPage(w http.ResponseWriter, code int, msg string) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!doctype html><title>%d %s</title>", code, http.StatusText(code))
	fmt.Fprintf(&b, "<h1>%s</h1><p>%s</p>\n", http.StatusText(code), msg)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(code)
	b.WriteTo(w)
}

// CompressedCache keeps compressed bodies by path: must not pool.
type CompressedCache struct {
	m map[string]*bytes.Buffer
}

// Put compresses body and stores the buffer.
func (c *CompressedCache) Put(path string, body []byte) {
	buf := new(bytes.Buffer)
	zw := gzip.NewWriter(buf)
	zw.Write(body)
	zw.Close()
	c.m[path] = buf
}

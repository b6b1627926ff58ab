package gzipresp

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

func TestWrite(t *testing.T) {
	for _, body := range []string{"hello, gzip", "", "second response, longer than the first one"} {
		rec := httptest.NewRecorder()
		if err := Write(rec, 200, []byte(body)); err != nil {
			t.Fatal(err)
		}
		if rec.Header().Get("Content-Length") != strconv.Itoa(rec.Body.Len()) {
			t.Fatalf("Content-Length %q for %d bytes", rec.Header().Get("Content-Length"), rec.Body.Len())
		}
		zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || string(got) != body {
			t.Fatalf("body %q, %v; want %q", got, err, body)
		}
	}
}

// sink is a ResponseWriter that keeps nothing: the allocations counted are Write's own.
type sink struct{ h http.Header }

func (s *sink) Header() http.Header          { return s.h }
func (s *sink) Write(p []byte) (int, error) { return len(p), nil }
func (s *sink) WriteHeader(int)             {}

func TestAllocsPerRun(t *testing.T) {
	body := bytes.Repeat([]byte("a compressible line of text\n"), 40)
	w := &sink{http.Header{}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(w, 200, body) }))
}

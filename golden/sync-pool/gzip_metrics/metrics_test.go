package metricsgz

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

var samples = []Sample{
	{"http_requests_total", `method="GET",code="200"`, 1027},
	{"http_requests_total", `method="POST",code="500"`, 3},
	{"process_resident_memory_bytes", "", 2.5e7},
}

func TestWrite(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		rec := httptest.NewRecorder()
		if err := Write(rec, samples[:n]); err != nil {
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
		want := map[int]string{
			0: "",
			1: "http_requests_total{method=\"GET\",code=\"200\"} 1027\n",
			3: "http_requests_total{method=\"GET\",code=\"200\"} 1027\n" +
				"http_requests_total{method=\"POST\",code=\"500\"} 3\n" +
				"process_resident_memory_bytes 2.5e+07\n",
		}[n]
		if err != nil || string(got) != want {
			t.Fatalf("body %q, %v; want %q", got, err, want)
		}
	}
}

// sink is a ResponseWriter that keeps nothing: the allocations counted are Write's own.
type sink struct{ h http.Header }

func (s *sink) Header() http.Header         { return s.h }
func (s *sink) Write(p []byte) (int, error) { return len(p), nil }
func (s *sink) WriteHeader(int)             {}

func TestAllocsPerRun(t *testing.T) {
	w := &sink{http.Header{}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Write(w, samples) }))
}

package report

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func rows() ([]Row, error) { return []Row{{"alpha", 3}, {"beta", 12}}, nil }

func TestHandler(t *testing.T) {
	h := Handler(rows)
	for i := 0; i < 3; i++ {
		rec := httptest.NewRecorder()
		h(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if got := rec.Body.String(); got != "alpha             3\nbeta             12\n" {
			t.Fatalf("body = %q", got)
		}
	}
}

type discard struct{ header http.Header }

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

func TestAllocsPerRun(t *testing.T) {
	h, w := Handler(rows), &discard{header: http.Header{}}
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { h(w, r) }))
}

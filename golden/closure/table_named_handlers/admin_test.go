package admin

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(int)             {}

func TestBehaviour(t *testing.T) {
	c := &Console{flags: map[string]bool{"beta": false, "audit": true}}
	for _, tc := range []struct{ query, want string }{
		{"action=toggle&flag=beta", "beta=true"},
		{"action=list", "audit,beta"},
		{"action=nope", "actions: list, toggle"},
	} {
		w := httptest.NewRecorder()
		c.ServeHTTP(w, httptest.NewRequest("GET", "/?"+tc.query, nil))
		if got := w.Body.String(); got != tc.want {
			t.Fatalf("%s: %q", tc.query, got)
		}
	}
}

func TestAllocs(t *testing.T) {
	c := &Console{flags: map[string]bool{}}
	r := httptest.NewRequest("GET", "/?action=help", nil)
	w := &discard{h: http.Header{}}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { c.ServeHTTP(w, r) }))
}

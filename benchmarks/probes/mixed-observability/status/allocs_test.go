package status

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	p := &Page{title: "agent"}
	p.Set([]Component{{Name: "scraper", OK: true}, {Name: "exporter"}, {Name: "disk"}})
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), "exporter                 DOWN") {
		t.Fatal(rec.Body.String())
	}
	if p.Summary() != "1/3 up" {
		t.Fatal(p.Summary())
	}
	allocs(t, "Summary", func() { p.Summary() })
	if p.Down() != "disk exporter " {
		t.Fatal(p.Down())
	}
	allocs(t, "Down", func() { p.Down() })
	p.Refresh(func(n string) bool { return n != "b" }, []string{"a", "b"}, "agent")
	if p.title != "agent (2)" || p.comps[1].OK {
		t.Fatal(p.title, p.comps)
	}
	allocs(t, "Refresh", func() { p.Refresh(func(string) bool { return true }, []string{"a", "b"}, "agent") })
	rec = httptest.NewRecorder()
	Handler(p, "x\n").ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.HasPrefix(rec.Body.String(), "# x\nagent (2)") {
		t.Fatal(rec.Body.String())
	}
	get := func(c *http.Client, u string) int { return len(u) + int(c.Timeout.Seconds()) }
	if got := Probe(get, []string{"ab", "c"}); got[0] != 5 || got[1] != 4 {
		t.Fatal(got)
	}
	allocs(t, "Probe", func() { Probe(get, []string{"ab", "c"}) })
}

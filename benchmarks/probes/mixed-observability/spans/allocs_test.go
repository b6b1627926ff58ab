package spans

import (
	"errors"
	"strings"
	"testing"
	"time"
)

type countExp struct{ n int }

func (c *countExp) Export(b []Span) error { c.n += len(b); return nil }

type nopExp struct{}

func (nopExp) Export([]Span) error { return nil }

type failExp struct{}

func (failExp) Export([]Span) error { return errors.New("no") }

func TestAllocs(t *testing.T) {
	s := &Span{Name: "GET /api", Dur: 1500 * time.Microsecond, Attrs: map[string]string{"http.method": "GET", "http.route": "/api"}}
	s.TraceID[0] = 0xab
	if h := TraceHex(s); !strings.HasPrefix(h, "ab00") || len(h) != 32 {
		t.Fatal(h)
	}
	allocs(t, "TraceHex", func() { TraceHex(s) })
	if AttrKeys(s) != len("http.method")+len("http.route") {
		t.Fatal(AttrKeys(s))
	}
	allocs(t, "AttrKeys", func() { AttrKeys(s) })
	batch := make([]Span, 100)
	batch[70].Dur = time.Second
	if Durations(batch) != 0 {
		t.Fatal(Durations(batch))
	}
	batch[3].Dur = time.Minute
	allocs(t, "Durations", func() { Durations(batch) })
	var c countExp
	if err := Chunks(batch, &c); err != nil || c.n != 100 {
		t.Fatal(c.n, err)
	}
	if !strings.HasPrefix(Describe(s), "GET /api ab000000/") {
		t.Fatal(Describe(s))
	}
	allocs(t, "Describe", func() { Describe(s) })
	var w strings.Builder
	if err := WriteJSONLine(&w, s); err != nil || w.String() != "{\"name\":\"GET /api\",\"dur_us\":1500}\n" {
		t.Fatal(w.String(), err)
	}
	allocs(t, "WriteJSONLine", func() { w.Reset(); WriteJSONLine(&w, s) })
	b := NewBatcher(&c, 1000)
	b.Add(*s)
	if b.Names() != len("GET /api") {
		t.Fatal(b.Names())
	}
	allocs(t, "Batcher.Names", func() { b.Names() })
	n, ep := ExportAll([][]Span{batch[:2], batch[2:]}, []Exporter{&countExp{}, failExp{}}, "otel:4317")
	if n != 1 || ep != "fallback:otel:4317" {
		t.Fatal(n, ep)
	}
	allocs(t, "ExportAll", func() { ExportAll([][]Span{batch[:2], batch[2:]}, []Exporter{nopExp{}}, "otel:4317") })
	if err := Retry(batch, &countExp{}, time.Second, nil); err != nil {
		t.Fatal(err)
	}
	got, rate := Sampled([][]Span{batch[:50], batch[50:]}, 0.5)
	if got != 100 || rate != 1 {
		t.Fatal(got, rate)
	}
	allocs(t, "Sampled", func() { Sampled([][]Span{batch[:50], batch[50:]}, 0.5) })
}

package expo

import (
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	ms := []Metric{
		{Name: "http_requests_total", Help: "Requests.", Labels: []string{"code", "200", "method", "get"}, Value: 1027},
		{Name: "http_requests_total", Labels: []string{"code", "500", "method", "post"}, Value: 3},
	}
	var b strings.Builder
	if err := Family(&b, "counter", ms); err != nil || !strings.Contains(b.String(), `http_requests_total{code="500",method="post"} 3`) {
		t.Fatal(b.String(), err)
	}
	allocs(t, "Family", func() { b.Reset(); Family(&b, "counter", ms) })
	if Sample(ms[1]) != `http_requests_total{code="500",method="post"} 3` {
		t.Fatal(Sample(ms[1]))
	}
	allocs(t, "Sample", func() { Sample(ms[0]) })
	b.Reset()
	if err := Buffered(&b, map[string][]Metric{"counter": ms}); err != nil || b.Len() == 0 {
		t.Fatal(err)
	}
	fams := map[string][]Metric{"counter": ms}
	allocs(t, "Buffered", func() { b.Reset(); Buffered(&b, fams) })
	if LabelPairs(ms[0]) != 2 {
		t.Fatal(LabelPairs(ms[0]))
	}
	allocs(t, "LabelPairs", func() { LabelPairs(ms[0]) })
	if Counter("up", 1) != "up 1" {
		t.Fatal(Counter("up", 1))
	}
	allocs(t, "Counter", func() { Counter("process_cpu_seconds_total_for_the_agent", 123456789) })
	if string(Timestamped(nil, ms[1], 5)) != "http_requests_total 3 5" {
		t.Fatal(string(Timestamped(nil, ms[1], 5)))
	}
	var c Cache
	c.Render("counter", ms)
	if !strings.HasPrefix(string(c.body), "# HELP") {
		t.Fatal(string(c.body))
	}
	if Escape("a\nb\\") != `a\nb\\` {
		t.Fatal(Escape("a\nb\\"))
	}
	allocs(t, "Escape", func() { Escape(strings.Repeat("Total number of requests.\n", 4)) })
}

package probe41

import (
	"bytes"
	"io"
	"log"
	"net/http"
	"strings"
	"testing"
)

var events = []Event{{Name: "a", Count: 1}, {Name: "b", Count: 2, Attrs: map[string]string{"k": "v"}}}

func tree() *Group {
	return &Group{Kids: []Node{&Leaf{Name: "x"}, &Group{Kids: []Node{&Leaf{Name: "y"}}}}}
}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	root := tree()
	cases := []struct {
		name string
		f    func()
	}{
		{"Chain", func() { Chain("t") }},
		{"Dial", func() { Dial("h") }},
		{"Announce", func() { Announce("h") }},
		{"TotalBackoff", func() { TotalBackoff(3) }},
		{"Describe", func() { Describe(3) }},
		{"RunBoth", func() { RunBoth(" #a") }},
		{"Hooked", func() { sink.Reset(); Hooked(&sink, "m") }},
		{"FormatLine", func() { sink.Reset(); FormatLine(&sink, "info", "m", nil) }},
		{"RenderMetrics", func() { RenderMetrics(map[string]int64{"a": 1}) }},
		{"Histogram", func() { sink.Reset(); Histogram(&sink, []float64{1}, []uint64{2}) }},
		{"Tee", func() { sink.Reset(); Tee("m", &sink) }},
		{"KV", func() { sink.Reset(); KV(&sink, map[string]string{"a": "b"}) }},
		{"CopyLarge", func() { sink.Reset(); CopyLarge(&sink, strings.NewReader("abc")) }},
		{"WriteJSON", func() { sink.Reset(); WriteJSON(&sink, 1) }},
		{"Compress", func() { sink.Reset(); Compress(&sink, events) }},
		{"Lines", func() { sink.Reset(); Lines(&sink, events) }},
		{"Envelope", func() { sink.Reset(); Envelope(&sink, events[0]) }},
		{"Measure", func() { Measure(events[0]) }},
		{"Classify", func() { Classify("op") }},
		{"CountLeaves", func() { CountLeaves(root) }},
		{"Walk", func() { Walk(root) }},
		{"Dump", func() { sink.Reset(); Dump(&sink, root) }},
		{"Shout", func() { sink.Reset(); Shout(&sink, "m") }},
		{"Summary", func() { sink.Reset(); Summary(&sink, "t", 1) }},
		{"Table", func() { Table([][2]string{{"a", "b"}}) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-14s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	if got := Chain("<"); got != "<x" {
		t.Fatal(got)
	}
	if got := Describe(3); got != "id=req-3" {
		t.Fatal(got)
	}
	if got := RunBoth("#ab "); got != "AB" {
		t.Fatal(got)
	}
	if got := Classify("op"); got != "op: empty" {
		t.Fatal(got)
	}
	var b bytes.Buffer
	Shout(&b, "hi")
	if b.String() != "HI" {
		t.Fatal(b.String())
	}
	s, n := Walk(tree())
	if n != 2 || s != "  x\n    y\n" {
		t.Fatalf("%q %d", s, n)
	}
	if CountLeaves(tree()) != 2 {
		t.Fatal("count")
	}
	line := RetainedLine("a", "b")
	RetainedLine("c", "d")
	if string(line) != "a: b" {
		t.Fatal(string(line))
	}
	m, _ := Marshal(events[0])
	Marshal(events[1])
	if !strings.HasPrefix(string(m), `{"name":"a"`) {
		t.Fatal(string(m))
	}
	if Measure(events[0]) == 0 {
		t.Fatal("measure")
	}
	if _, err := ReadChunk(strings.NewReader("abcd"), 3); err != nil {
		t.Fatal(err)
	}
	io.Discard.Write(nil)
}

type nopRW struct{ h http.Header }

func (n nopRW) Header() http.Header        { return n.h }
func (nopRW) Write(p []byte) (int, error) { return len(p), nil }
func (nopRW) WriteHeader(int)             {}

func TestAllocsHTTP(t *testing.T) {
	rw := nopRW{h: http.Header{}}
	l := log.New(io.Discard, "", 0)
	names, values := []string{"a", "b"}, []int64{1, 2}
	cases := []struct {
		name string
		f    func()
	}{
		{"WriteJSONResponse", func() { WriteJSONResponse(rw, 200, 1) }},
		{"AccessLog", func() { AccessLog(l, "GET", "/", 200, 1) }},
		{"WriteCounters", func() { WriteCounters(io.Discard, names, values) }},
		{"CountLines", func() { CountLines(strings.NewReader("a\nb\n")) }},
		{"Fetch", func() { Fetch("x") }},
		{"Route", func() { Route("GET", "x") }},
		{"ErrorBody", func() { ErrorBody(1, "m") }},
		{"Status", func() { Status(io.Discard, 200) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-14s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
	if Route("GET", "x") != "get x" || Route("POST", "x") != "405" || Fetch("x") != 1 {
		t.Fatal("route")
	}
}

package probe42

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

var rows = []Row{{Name: "alpha", Count: 3, Cost: 1.5}, {Name: "beta", Count: 7, Cost: 2.25}}

func TestAllocs(t *testing.T) {
	var sink bytes.Buffer
	sink.Grow(1 << 20)
	fams := map[string][]Sample{"up": {{Name: "up", Value: 1}}}
	tpl, _ := Parse("hello {{name}}, {{n}} new")
	data := map[string]any{"name": "ann", "n": 3}
	tree := &Binary{Op: '+', L: Num(1), R: Var("x")}
	bal := map[string]int64{"a": 100, "b": 0}
	cases := []struct {
		name string
		f    func()
	}{
		{"WriteExposition", func() { sink.Reset(); WriteExposition(&sink, fams) }},
		{"ExposeCounter", func() { sink.Reset(); ExposeCounter(&sink, "req", map[string]float64{"200": 1}) }},
		{"StreamSamples", func() { sink.Reset(); StreamSamples(&sink, fams["up"]) }},
		{"QuantileBucket", func() { QuantileBucket([]float64{0.2, 3}) }},
		{"WriteJSONReport", func() { sink.Reset(); WriteJSONReport(&sink, Report{Title: "t", Rows: rows}) }},
		{"HTMLTable", func() { sink.Reset(); HTMLTable(&sink, rows) }},
		{"Digest", func() { Digest(Report{Title: "t"}) }},
		{"JSONString", func() { JSONString(Report{Title: "t"}) }},
		{"RenderText", func() { sink.Reset(); RenderText(&sink, rows) }},
		{"WriteTotals", func() { sink.Reset(); WriteTotals(&sink, rows) }},
		{"Withdraw", func() { bal["a"] = 100; Withdraw(bal, "a", 5) }},
		{"KindOf", func() { KindOf("a", 1) }},
		{"EncodeEvent", func() { sink.Reset(); EncodeEvent(&sink, Envelope{Seq: 1}) }},
		{"Transfer", func() { Transfer(bal, "a", "b", 1) }},
		{"Fingerprint", func() { Fingerprint(tree) }},
		{"DumpTree", func() { DumpTree(tree) }},
		{"Scale", func() { Scale(2, 3) }},
		{"DescribeOp", func() { DescribeOp('+', 1, 2) }},
		{"Defaults", func() { Defaults("svc") }},
		{"HTTPAddr", func() { HTTPAddr("") }},
		{"Section", func() { Section("", 0) }},
		{"ShouldRetry", func() { ShouldRetry("dial", 1) }},
		{"ExecuteString", func() { tpl.ExecuteString(data) }},
		{"RenderTo", func() { sink.Reset(); tpl.RenderTo(&sink, data) }},
		{"UpperOnce", func() { UpperOnce("x") }},
		{"PluginTable", func() { sink.Reset(); PluginTable(&sink, []string{"upper"}) }},
		{"Page", func() { sink.Reset(); Page(&sink, "t", []string{"a"}) }},
	}
	for _, c := range cases {
		t.Logf("ALLOCS %-16s %v", c.name, testing.AllocsPerRun(50, c.f))
	}
}

func TestBehaviour(t *testing.T) {
	var b bytes.Buffer
	if err := WriteExposition(&b, map[string][]Sample{"up": {{Name: "up", Labels: map[string]string{"a": "b"}, Value: 1}}}); err != nil || b.String() != "# TYPE up gauge\nup{a=\"b\"} 1\n" {
		t.Fatalf("%q %v", b.String(), err)
	}
	b.Reset()
	ExposeCounter(&b, "req", map[string]float64{"200": 2})
	if !strings.HasPrefix(b.String(), "# HELP req requests by code\n") {
		t.Fatalf("%q", b.String())
	}
	s1 := SampleLine(Sample{Name: "a", Value: 1})
	s2 := SampleLine(Sample{Name: "b", Value: 2})
	if s1 != "a 1" || s2 != "b 2" {
		t.Fatal(s1, s2)
	}
	var r Registry
	r.Register(&counterVec{name: "x", values: map[string]float64{"1": 1}})
	g1 := r.Gather()
	g2 := r.Gather()
	if string(g1) != "x 1\n" || string(g2) != "x 1\n" {
		t.Fatalf("%q %q", g1, g2)
	}
	var pb bytes.Buffer
	if err := <-r.PushAsync(&pb); err != nil || pb.String() != "x 1\n" {
		t.Fatalf("%q", pb.String())
	}
	if got := QuantileBucket([]float64{0.05, 0.3, 7}); got[0] != 1 || got[1] != 1 || got[4] != 1 {
		t.Fatal(got)
	}
	c1, _ := CSVBytes(rows)
	c2, _ := CSVBytes(rows[:1])
	if string(c1) != "name,count,cost\nalpha,3,1.50\nbeta,7,2.25\n" || string(c2) != "name,count,cost\nalpha,3,1.50\n" {
		t.Fatalf("%q %q", c1, c2)
	}
	j1, _ := JSONString(Report{Title: "a"})
	j2, _ := JSONString(Report{Title: "b"})
	if j1 != "{\"Title\":\"a\",\"Rows\":null}\n" || j2 != "{\"Title\":\"b\",\"Rows\":null}\n" {
		t.Fatal(j1, j2)
	}
	if Summary(Report{Title: "x", Rows: rows}) != "x: 2 rows" {
		t.Fatal(Summary(Report{Title: "x"}))
	}
	b.Reset()
	if err := RenderAs("yaml", &b, rows); err == nil {
		t.Fatal("yaml")
	}
	b.Reset()
	WriteTotals(&b, rows)
	if b.String() != "total        10\n" {
		t.Fatalf("%q", b.String())
	}
	bal := map[string]int64{"a": 10}
	if _, err := Withdraw(bal, "a", 0); err == nil {
		t.Fatal("zero withdrawal")
	}
	if s, err := Withdraw(bal, "a", 4); err != nil || s != "withdrawn a" || bal["a"] != 6 {
		t.Fatal(s, err, bal)
	}
	if KindOf("a", 1) != "deposited" {
		t.Fatal(KindOf("a", 1))
	}
	if s, _ := Transfer(bal, "a", "b", 1); s != "withdrawn/deposited" {
		t.Fatal(s)
	}
	var mu sync.Mutex
	bal2 := map[string]int64{}
	<-ReplayAsync(bal2, &mu, 5)
	if v := bal2["ops"]; v != 5 {
		t.Fatal(v)
	}
	st := &Store{}
	var got [][]byte
	var gmu sync.Mutex
	st.subs = append(st.subs, func(p []byte) { gmu.Lock(); got = append(got, p); gmu.Unlock() })
	st.Publish(Envelope{Seq: 1})
	st.Publish(Envelope{Seq: 2})
	if len(got) != 2 || !bytes.Contains(got[0], []byte(`"Seq":1`)) {
		t.Fatalf("%q", got)
	}
	st.Append(&Deposited{Account: "a", Amount: 1})
	s1b, _ := st.Snapshot()
	st.Append(&Deposited{Account: "b", Amount: 2})
	if bytes.Contains(s1b, []byte(`"b"`)) {
		t.Fatalf("%q", s1b)
	}
	tr := &Binary{Op: '*', L: Num(2), R: Var("y")}
	if Format(tr) != "(2 * y)" || Format(Num(3)) != "3" {
		t.Fatal(Format(tr))
	}
	if Fingerprint(tr) == Fingerprint(Num(3)) {
		t.Fatal("fingerprint")
	}
	if v, _ := Scale(2, 3); v != 6 {
		t.Fatal(v)
	}
	if v, _ := Hypot(3, 4); v != 5 {
		t.Fatal(v)
	}
	if DescribeOp('+', 1, 2) != "binary +" {
		t.Fatal(DescribeOp('+', 1, 2))
	}
	if c := Defaults("s"); c.Timeout != 30*time.Second || c.Retries != 3 || c.Name != "s" {
		t.Fatal(c)
	}
	if _, err := FromMap(map[string]any{}); err == nil {
		t.Fatal("no name")
	} else if k, ok := IsMissing(err); !ok || k != "name" {
		t.Fatal(k)
	}
	if a, err := HTTPAddr(""); a != ":8080" || err != nil {
		t.Fatal(a, err)
	}
	if _, err := HTTPAddr("nohost"); err == nil {
		t.Fatal("no port")
	}
	if d, _ := Section("", 0); d != 5*time.Second {
		t.Fatal(d)
	}
	if !ShouldRetry("x", 1) || ShouldRetry("x", 5) {
		t.Fatal("retry")
	}
	var ke *KeyError
	if !errors.As(Wrap("k", ErrMissing), &ke) {
		t.Fatal("wrap")
	}
	tpl, _ := Parse("hi {{ name }}!")
	s, _ := tpl.ExecuteString(map[string]any{"name": "bo"})
	if s != "hi bo!" {
		t.Fatal(s)
	}
	if u, _ := UpperOnce("ab"); u != "AB" {
		t.Fatal(u)
	}
	b.Reset()
	Page(&b, "T", []string{"x"})
	if b.String() != "== T ==\nx\n" {
		t.Fatalf("%q", b.String())
	}
	if Pad("ab", 4) != "ab  " {
		t.Fatal(Pad("ab", 4))
	}
}

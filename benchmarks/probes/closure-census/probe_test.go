package metrics

import (
	"context"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

type sliceSource []Sample

func (s sliceSource) Each(fn func(Sample) bool) error {
	for _, x := range s {
		if !fn(x) {
			break
		}
	}
	return nil
}

type once struct{}

func (once) Do(op func() error) error { return op() }

type nopSink struct{}

func (nopSink) Write(ctx context.Context, line string) error { return nil }

var now = time.Unix(1700000000, 0)

var samples = sliceSource{
	{Name: "cpu", Value: 1, At: now, Tags: []string{"a", "b"}},
	{Name: "mem", Value: 2, At: now.Add(time.Second), Tags: []string{"c"}},
	{Name: "cpu", Value: 3, At: now.Add(2 * time.Second)},
}

func TestBehaviour(t *testing.T) {
	if got, _ := Sum(samples, "cpu"); got != 4 {
		t.Fatalf("Sum = %v", got)
	}
	if s, ok := First(samples, "mem"); !ok || s.Value != 2 {
		t.Fatalf("First = %v %v", s, ok)
	}
	if n := FieldCount(" a  b c "); n != 3 {
		t.Fatalf("FieldCount = %d", n)
	}
	var parts []string
	Key("cpu{a,b}").Parts()(func(p string) bool {
		parts = append(parts, p)
		return true
	})
	if len(parts) != 3 {
		t.Fatalf("Parts = %v", parts)
	}
	win := Window{From: now, To: now.Add(90 * time.Second), Label: "w"}
	if n, ok := CountIn([][]Sample{samples, samples[:1]}, win); n != 4 || !ok {
		t.Fatalf("CountIn = %d %v", n, ok)
	}
	if got := Bucketize(samples, []float64{1, 2, 3}); got[2] != 3 {
		t.Fatalf("Bucketize = %v", got)
	}
	if ids := NextIDs(5, 3); ids[2] != 8 {
		t.Fatalf("NextIDs = %v", ids)
	}
	r := NewRegistry("x.")
	for _, s := range samples {
		r.Observe(s)
	}
	var st int
	if r.Dump(&st) == "" || st == 0 {
		t.Fatal("Dump empty")
	}
	if s, n, _ := Aggregate(once{}, samples); s != 6 || n != 3 {
		t.Fatalf("Aggregate = %v %v", s, n)
	}
	if a, err := Retry(once{}, nopSink{}, context.Background(), "l"); a != 1 || err != nil {
		t.Fatalf("Retry = %v %v", a, err)
	}
	if Summarize(samples, "t") == "" {
		t.Fatal("Summarize empty")
	}
	if Describe([][]Sample{samples}, win) == "" {
		t.Fatal("Describe empty")
	}
}

func TestAllocs(t *testing.T) {
	win := Window{From: now, To: now.Add(90 * time.Second), Label: "w"}
	shards := [][]Sample{samples, samples[1:]}
	cfg := Config{Prefix: "p.", MaxTags: 1}
	allocs(t, "CountIn", func() { CountIn(shards, win) })
	allocs(t, "Describe", func() { Describe(shards, win) })
	allocs(t, "ScrapeAll", func() { ScrapeAll([]Source{samples}, cfg) })
	allocs(t, "Bucketize", func() { Bucketize(samples, []float64{1, 2, 3}) })
	allocs(t, "ScrapeEach", func() { ScrapeEach([]Source{samples, samples}, "c") })
	allocs(t, "Sum", func() { Sum(samples, "cpu") })
	allocs(t, "Collect", func() { Collect(samples) })
	allocs(t, "Aggregate", func() { Aggregate(once{}, samples) })
	allocs(t, "FieldCount", func() { FieldCount("a b c") })
	allocs(t, "Labels", func() { Labels([]Key{"a,b", "c"}, ";") })
	allocs(t, "Sorted", func() { Sorted(samples, true) })
	allocs(t, "Summarize", func() { Summarize(samples, "t") })
	var st int
	r := NewRegistry("x.")
	r.Observe(samples[0])
	allocs(t, "Dump", func() { r.Dump(&st) })
}

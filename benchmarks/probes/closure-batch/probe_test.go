package batch

import (
	"context"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s allocs %.0f", name, testing.AllocsPerRun(50, f))
}

var lines = []string{"INFO|api|3ms", "WARN|db|40ms", "INFO|db|7ms", "ERROR|api|90ms", "INFO|web|1ms"}

func TestAllocs(t *testing.T) {
	blobs := [][]byte{[]byte("a"), []byte("b"), []byte("a"), []byte("c")}
	allocs(t, "HashFiles", func() { HashFiles([]string{"/nonexistent/a", "/nonexistent/b"}, " s ") })
	allocs(t, "HashData", func() { HashData(blobs, "p", 2) })
	allocs(t, "Dedup", func() { Dedup(blobs, "") })
	allocs(t, "Manifest", func() { Manifest(blobs, "h", 2) })
	allocs(t, "CountLevels", func() { CountLevels(lines, 2, "") })
	allocs(t, "SlowServices", func() { SlowServices(lines, 5*time.Millisecond, 2) })
	allocs(t, "LatencyByService", func() { LatencyByService(context.Background(), [][]string{lines, lines}, "") })
	allocs(t, "Reduce", func() { Reduce([][]int{{1, 2}, {3}}, "t") })
	f := func(ctx context.Context, n int, tok string) (Page, error) { return Page{N: n}, nil }
	allocs(t, "FetchPages", func() { FetchPages(context.Background(), f, 3, 2, "tok", 0) })
	get := func(s string) string { return s }
	allocs(t, "Paced", func() { Paced(context.Background(), "http://x/", []int{1, 2}, time.Microsecond, get) })
	allocs(t, "WithRetry", func() {
		n := 0
		WithRetry(context.Background(), 3, time.Millisecond, func(context.Context) error {
			n++
			if n < 2 {
				return context.Canceled
			}
			return nil
		})
	})
	c := &Client{limiter: make(chan struct{}, 2), Base: "b/"}
	allocs(t, "GetAll", func() { c.GetAll([]string{"x", "y"}, "", get) })
	cache := NewCache()
	allocs(t, "Warm", func() { cache.Warm([]string{"k1", "k2"}, "", func(a, b string) string { return b }) })
	br := NewBroker()
	sub := br.Subscribe("t", 100000)
	go func() {
		for range sub {
		}
	}()
	allocs(t, "Publish", func() { br.Publish("t", "m", time.Second) })
	allocs(t, "Lookup", func() { Lookup([]string{"a", "b"}, 1) })
	ps := make([]Particle, 8)
	allocs(t, "Step", func() { Step(ps, 0.1, 2, 2) })
	allocs(t, "Energy", func() { Energy(ps, -1) })
	words := []string{" A ", "B"}
	allocs(t, "Normalize", func() { Normalize(words, "") })
	grid := [][]bool{{true, false}, {false, true}}
	allocs(t, "Grid", func() { Grid(grid, 2) })
	cases := []Case{{"a", 1, 1}, {"b", 2, 3}}
	allocs(t, "RunParallel", func() { RunParallel(cases, func(i int) int { return i }, "") })
	allocs(t, "Measure", func() { Measure(4, 2, "x", func() {}) })
	allocs(t, "Setup", func() { Setup([]int{1, 2}, 3) })
}

func TestBehaviour(t *testing.T) {
	if got := CountLevels(lines, 3, ""); got["INFO"] != 3 {
		t.Fatal(got)
	}
	if got := Energy([]Particle{{VX: 1}, {VY: 2}}, -2); got != 5 {
		t.Fatal(got)
	}
	if got, tag := Reduce([][]int{{1, 2}, {3}}, "t"); got != 8 || tag != "t!" {
		t.Fatal(got, tag)
	}
	out := Manifest([][]byte{[]byte("a")}, "h", 1)
	if !strings.HasPrefix(out[1], "h ") || out[0] != "h n=1" {
		t.Fatal(out)
	}
	if v, k := Hedge("k", func(s string) string { return s }, time.Second); v != "k" || k != "k#" {
		t.Fatal(v, k)
	}
	if got := Crawl("a", map[string][]string{"a": {"b", "c"}, "b": {"d"}}, 2); len(got) != 4 {
		t.Fatal(got)
	}
	if got := Stress(4, 100); got != 400 {
		t.Fatal(got)
	}
	out2, seed := Setup([]int{1, 2}, 3)
	if out2[1] != 7 || seed != 1093 {
		t.Fatal(out2, seed)
	}
}

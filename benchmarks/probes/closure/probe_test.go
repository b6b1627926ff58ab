package probe

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

type memStore map[string][]byte

func (m memStore) Get(ctx context.Context, key string) ([]byte, error) {
	if v, ok := m[key]; ok {
		return v, nil
	}
	return nil, nil
}

var items = []Item{{1, "a", 3}, {2, "b", 4}, {3, "c", 5}, {4, "d", 6}}
var lines = []string{"a b c", "d e f", "g h", "i"}
var jobsIn = []Job{{"x", []byte("abc")}, {"y", []byte("def")}, {"z", []byte("ghi")}}

func report(t *testing.T, name string, f func()) {
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	st := memStore{"ns/a": []byte("1"), "a": []byte("1")}
	report(t, "ScoreAll", func() { ScoreAll(items, 2, true) })
	report(t, "LabelAll", func() { LabelAll(ctx, items, " p ") })
	report(t, "Shrink", func() { Shrink(ctx, items, time.Second, func(context.Context, Item) int { return 1 }) })
	report(t, "Totals", func() { Totals([][]int{{1, 2}, {3}}, 1) })
	report(t, "LoadAll", func() { LoadAll(ctx, st, "ns", []string{"a", "b"}, 2) })
	report(t, "Mirror", func() {
		Mirror(ctx, st, st, []string{"a", "b"}, func(context.Context, Store, Store, string) error { return nil })
	})
	report(t, "Deadline", func() { Deadline(ctx, st, []string{"a", "b"}, time.Second) })
	report(t, "Validate", func() { Validate([]string{"a", ""}, true) })
	report(t, "Checksums", func() { Checksums(jobsIn, 7) })
	report(t, "Process", func() {
		Process(ctx, jobsIn, 2, true, func(context.Context, Job, bool) error { return nil })
	})
	report(t, "CountWords", func() { CountWords(ctx, lines, 1) })
	report(t, "Batch", func() {
		in := make(chan string)
		close(in)
		Batch(ctx, in, 2, time.Hour, func([]string) {})
	})
	report(t, "RetryWait", func() {
		RetryWait(ctx, 2, time.Nanosecond, func(context.Context, int) error { return nil })
	})
	s := &Service{name: "s"}
	report(t, "ServiceStart", func() {
		s.Start(ctx, []func(context.Context) error{func(context.Context) error { return nil }})
	})
}

func TestBehaviour(t *testing.T) {
	ctx := context.Background()
	if r, p := LabelAll(ctx, items[:1], " p "); r[0].Label != "p/a" || p != "P" {
		t.Fatal(r, p)
	}
	if got := Totals([][]int{{1, 2}, {3}}, 1); got != 9 {
		t.Fatal(got)
	}
	if _, s := Checksums(jobsIn, 7); s != 8 {
		t.Fatal(s)
	}
	err := RetryWait(ctx, 3, time.Nanosecond, func(context.Context, int) error { return errors.New("x") })
	if err == nil {
		t.Fatal("want error")
	}
	if n := CountWords(ctx, lines, 2); len(n) != 0 {
		t.Fatal(n)
	}
}

func TestAllocs2(t *testing.T) {
	ctx := context.Background()
	p := &Pipeline{}
	do := func(context.Context, string) error { return nil }
	report(t, "PipelineRun", func() { p.Run(ctx, []string{"a", "b"}, " l ", do) })
	report(t, "PipelineRunDirect", func() { p.RunDirect(ctx, []string{"a", "b"}, " l ", do) })
	report(t, "Rounds", func() {
		Rounds(ctx, []int{1, 2, 3}, 2, func(context.Context, int, int) error { return nil })
	})
	report(t, "Collect", func() { Collect(ctx, []int{1, 2, 3}, 2) })
}

func TestAllocs3(t *testing.T) {
	report(t, "Resize", func() { Resize(items, 3) })
	m := map[string]int{"a": 1, "b": 2}
	report(t, "Render", func() { Render(m, io.Discard) })
}

func TestAllocs4(t *testing.T) {
	ctx := context.Background()
	put := func(string, string) error { return nil }
	report(t, "Upload", func() { Upload(ctx, []string{"a", "b"}, "bk", put) })
	tasks := []func() error{func() error { return nil }}
	report(t, "Guarded", func() { Guarded(tasks, "t") })
	report(t, "Workers", func() {
		jobs := make(chan int)
		close(jobs)
		Workers(jobs, 2, 3)
	})
	report(t, "Bounded", func() { Bounded(ctx, []string{"a", "b"}, 2, "p", func(string) {}) })
}

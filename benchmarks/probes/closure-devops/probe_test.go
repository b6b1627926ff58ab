package devops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type memGetter map[string][]byte

func (m memGetter) Get(ctx context.Context, url string) ([]byte, error) {
	if i := strings.Index(url, "?"); i >= 0 {
		url = url[:i]
	}
	b, ok := m[url]
	if !ok {
		return nil, errors.New("not found: " + url)
	}
	return b, nil
}

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

func tempFiles(t *testing.T, n int) []string {
	dir := t.TempDir()
	var ps []string
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		os.WriteFile(p, []byte(strings.Repeat("x", i+1)), 0o644)
		ps = append(ps, p)
	}
	return ps
}

func TestAllocsSumFiles(t *testing.T) {
	ps := tempFiles(t, 3)
	allocs(t, "SumFiles", func() { SumFiles(ps, " tag ", 2) })
	ds, err := SumFiles(ps, "tag", 2)
	if err != nil || ds[2].Size != 3 {
		t.Fatal(ds, err)
	}
}

func TestAllocsCountLines(t *testing.T) {
	blobs := [][]byte{[]byte("a\nb\n"), []byte("c\n")}
	allocs(t, "CountLines", func() { CountLines(blobs, 0) })
	per, total := CountLines(blobs, 0)
	if total != 3 || per[0] != 2 {
		t.Fatal(per, total)
	}
}

func TestAllocsDigestBlobs(t *testing.T) {
	blobs := [][]byte{[]byte("a"), []byte("b"), []byte("c")}
	allocs(t, "DigestBlobs", func() { DigestBlobs(blobs, "t", 2) })
	if d := DigestBlobs(blobs, "t", 2); len(d[2]) != 12 {
		t.Fatal(d)
	}
}

func TestAllocsDedup(t *testing.T) {
	blobs := map[string][]byte{"a": []byte("x"), "b": []byte("x"), "c": []byte("y")}
	allocs(t, "Dedup", func() { Dedup(blobs, "root/") })
	if got := Dedup(blobs, "root/"); len(got) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsRunGraph(t *testing.T) {
	ok := func(context.Context) error { return nil }
	tasks := []Task{{Name: "a", Run: ok}, {Name: "b", Deps: []string{"a"}, Run: ok}, {Name: "c", Deps: []string{"a", "b"}, Run: func(context.Context) error { return errors.New("x") }}}
	allocs(t, "RunGraph", func() { RunGraph(context.Background(), tasks, 0) })
	rs := RunGraph(context.Background(), tasks, 0)
	if rs[2].Err == nil || rs[1].Err != nil {
		t.Fatal(rs)
	}
}

func TestAllocsLint(t *testing.T) {
	checks := []Check{{Name: "vet", Fn: func(p string) []string { return []string{p + " bad"} }}}
	allocs(t, "Lint", func() { Lint(checks, []string{"a", "b"}, 2, "warn") })
	if fs := Lint(checks, []string{"b", "a"}, 2, "warn"); len(fs) != 2 || fs[0].Pkg != "a" || !strings.HasPrefix(fs[0].Msg, "WARN") {
		t.Fatal(fs)
	}
}

func TestAllocsRunTests(t *testing.T) {
	names := []string{"a", "b"}
	fn := func(n string) error { return nil }
	allocs(t, "RunTests", func() { RunTests(names, fn, time.Second) })
}

func TestAllocsMigrateAll(t *testing.T) {
	apply := func(ctx context.Context, tenant, schema string) error {
		if schema != "public" {
			return errors.New(schema)
		}
		return nil
	}
	allocs(t, "MigrateAll", func() { MigrateAll(context.Background(), []string{"a", "b"}, apply, " ") })
	if err := MigrateAll(context.Background(), []string{"a"}, apply, ""); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate(t *testing.T) {
	var logged string
	ms := []Migration{{2, func() error { return nil }}, {1, func() error { return nil }}, {3, func() error { return nil }}}
	got, err := Migrate(ms, 1, func(f string, a ...any) { logged = fmt.Sprintf(f, a...) })
	if err != nil || len(got) != 2 || logged != "migrated 1 -> 3" {
		t.Fatal(got, err, logged)
	}
}

func TestAllocsDownloadAll(t *testing.T) {
	g := memGetter{"u1": []byte("aa"), "u2": []byte("bbb")}
	allocs(t, "DownloadAll", func() { DownloadAll(context.Background(), g, []string{"u1", "u2"}, 0, "") })
	_, p, err := DownloadAll(context.Background(), g, []string{"u1", "u2"}, 0, "")
	if err != nil || p.Bytes.Load() != 5 {
		t.Fatal(err)
	}
}

func TestAllocsCheckAll(t *testing.T) {
	g := memGetter{"u1": nil}
	allocs(t, "CheckAll", func() { CheckAll(context.Background(), g, []string{"u1", "u2"}, 0) })
	if s := CheckAll(context.Background(), g, []string{"u1", "u2"}, 0); !s[0].OK || s[1].OK {
		t.Fatal(s)
	}
}

func TestAllocsCrawl(t *testing.T) {
	g := memGetter{"h/a": []byte("h/b h/c x/d"), "h/b": []byte("h/a h/c"), "h/c": nil}
	allocs(t, "Crawl", func() { Crawl(context.Background(), g, "h/a", 3, "https://h") })
	if got := Crawl(context.Background(), g, "h/a", 3, "https://h"); len(got) != 3 {
		t.Fatal(got)
	}
}

func TestAllocsMirror(t *testing.T) {
	allocs(t, "Mirror", func() {
		srcs := map[string]io.Reader{"a": strings.NewReader("hello"), "b": strings.NewReader("world!")}
		Mirror(srcs, func(string) io.Writer { return io.Discard }, 4, func(string, int64) {})
	})
}

func TestAllocsAggregate(t *testing.T) {
	srcs := []string{"INFO a\nERROR b", "WARN c\nERROR d"}
	allocs(t, "Aggregate", func() { Aggregate(srcs, []string{"error", "warn"}) })
	if got := Aggregate(srcs, []string{"error", "warn"}); got["ERROR"] != 2 || got["WARN"] != 1 {
		t.Fatal(got)
	}
}

func TestAllocsRedactParallel(t *testing.T) {
	lines := []string{"a1", "b22", "c"}
	allocs(t, "RedactParallel", func() { RedactParallel(lines, 0, 2) })
	if got := RedactParallel(lines, 0, 2); got[1] != "b##" {
		t.Fatal(got)
	}
}

func TestAllocsRollout(t *testing.T) {
	deploy := func(ctx context.Context, h, v string) error {
		if v != "1.2" {
			return errors.New(v)
		}
		return nil
	}
	hosts := []string{"a", "b", "c"}
	allocs(t, "Rollout", func() { Rollout(context.Background(), hosts, 2, "v1.2", deploy) })
	s, err := Rollout(context.Background(), hosts, 2, "v1.2", deploy)
	if err != nil || s.Updated != 3 {
		t.Fatal(s, err)
	}
}

func TestAllocsDrain(t *testing.T) {
	allocs(t, "Drain", func() { Drain([]string{"a", "b"}, func(string) error { return nil }, 0) })
}

func TestAllocsPreflight(t *testing.T) {
	checks := map[string]func(context.Context, string) error{"disk": func(ctx context.Context, env string) error { return nil }}
	allocs(t, "Preflight", func() { Preflight(context.Background(), "PROD", checks) })
}

func TestAllocsApply(t *testing.T) {
	apply := func(ctx context.Context, m, ns string, dry bool) (string, error) {
		return fmt.Sprint(ns, dry), nil
	}
	allocs(t, "Apply", func() { Apply(context.Background(), []string{"a", "b"}, "test-x", false, 2, apply) })
	out, err := Apply(context.Background(), []string{"a"}, "", false, 2, apply)
	if err != nil || out[0] != "defaultfalse" {
		t.Fatal(out, err)
	}
}

func TestAllocsRetry(t *testing.T) {
	allocs(t, "Retry", func() { Retry(context.Background(), " op ", 2, func() error { return nil }) })
}

func TestAllocsTreeSums(t *testing.T) {
	ps := tempFiles(t, 3)
	root := filepath.Dir(ps[0])
	allocs(t, "TreeSums", func() { TreeSums(context.Background(), root, 2, "T") })
	ds, err := TreeSums(context.Background(), root, 2, "T")
	if err != nil || len(ds) != 3 {
		t.Fatal(ds, err)
	}
}

func TestTopSourcesAndRedact(t *testing.T) {
	if got := TopSources(map[string]int{"a": 1, "b": 3, "c": 2}, 2, true); got[0] != "b" || got[1] != "c" {
		t.Fatal(got)
	}
	if got := Redact([]string{"a1\x01"}, 0); got[0] != "a#" {
		t.Fatal(got)
	}
}

func TestFirstHealthyAndWatch(t *testing.T) {
	r, err := FirstHealthy([]string{"x"}, func(string) error { return nil }, "EU")
	if err != nil || r != "x" {
		t.Fatal(r, err)
	}
	if err := Watch(context.Background(), memGetter{"u": nil}, "u", 0); err != nil {
		t.Fatal(err)
	}
}

func TestMerge(t *testing.T) {
	n := 0
	for range Merge(context.Background(), map[string]io.Reader{"a": strings.NewReader("1\n2"), "b": strings.NewReader("3")}, "p") {
		n++
	}
	if n != 3 {
		t.Fatal(n)
	}
}

func TestTimedAndConfig(t *testing.T) {
	var got string
	Timed("Build", func() {}, func(n string, d time.Duration) { got = n })
	if got != "build" {
		t.Fatal(got)
	}
	var c Config
	v, err := c.Get("HOST", "app_", func() (map[string]string, error) { return map[string]string{"HOST": "h"}, nil })
	if err != nil || v != "h" {
		t.Fatal(v, err)
	}
}

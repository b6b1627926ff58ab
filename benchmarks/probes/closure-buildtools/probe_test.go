package buildtools

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

func fakeExec(ctx context.Context, pkg Package, args []string) (string, error) {
	if strings.HasSuffix(pkg.Path, "/bad") {
		return "FAIL " + strings.Join(args, " "), errors.New("tests failed")
	}
	return "ok", nil
}

var pkgs = []Package{{Path: "a"}, {Path: "b"}, {Path: "c/bad"}, {Path: "d"}}

func TestAllocsRun(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	ctx := context.Background()
	allocs(t, "Run", func() { r.Run(ctx, pkgs) })
	res := r.Run(ctx, pkgs)
	if !res[2].Retried || !strings.HasSuffix(res[2].Output, "-v") || res[0].Output != "ok" {
		t.Fatal(res)
	}
}

func TestAllocsRunFailFast(t *testing.T) {
	r := NewRunner(Config{Workers: 2, FailFast: true}, fakeExec)
	allocs(t, "RunFailFast", func() { r.RunFailFast(context.Background(), pkgs) })
	if _, err := r.RunFailFast(context.Background(), pkgs); err == nil {
		t.Fatal("want an error")
	}
}

func TestAllocsRunGather(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	allocs(t, "RunGather", func() { r.RunGather(context.Background(), pkgs) })
	if got := r.RunGather(context.Background(), pkgs); len(got) != len(pkgs) {
		t.Fatal(got)
	}
}

func TestAllocsRunCounted(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	allocs(t, "RunCounted", func() { r.RunCounted(context.Background(), pkgs) })
	if got := r.RunCounted(context.Background(), pkgs); got != 1 {
		t.Fatal(got)
	}
}

func TestAllocsRunShards(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	allocs(t, "RunShards", func() { r.RunShards(context.Background(), pkgs, 3) })
	got := r.RunShards(context.Background(), pkgs, 3)
	if got[3].Output != "ok" || got[2].Err == nil {
		t.Fatal(got)
	}
}

func TestRunWithReload(t *testing.T) {
	r := NewRunner(Config{Workers: 2, Timeout: time.Hour}, func(ctx context.Context, p Package, args []string) (string, error) {
		d, _ := ctx.Deadline()
		if time.Until(d) < time.Minute {
			return "short", nil
		}
		return "long", nil
	})
	res := r.RunWithReload(context.Background(), pkgs, func() Config { return Config{Timeout: time.Second} })
	if len(res) != len(pkgs) {
		t.Fatal(res)
	}
}

func TestRunProgress(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	last := -1
	r.RunProgress(context.Background(), pkgs, func(done, total int) { last = done })
	if last != len(pkgs) {
		t.Fatal(last)
	}
}

func TestRunDetached(t *testing.T) {
	r := NewRunner(Config{Workers: 2}, fakeExec)
	var mu sync.Mutex
	var outs []string
	var wg sync.WaitGroup
	wg.Add(len(pkgs))
	release := r.RunDetached(context.Background(), pkgs, func(res Result) {
		mu.Lock()
		outs = append(outs, res.Output)
		mu.Unlock()
		wg.Done()
	})
	release()
	wg.Wait()
	if !strings.Contains(strings.Join(outs, ","), "-short") {
		t.Fatal(outs)
	}
}

func tempFiles(t *testing.T, n int) []string {
	dir := t.TempDir()
	var ps []string
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("f%d.txt", i))
		os.WriteFile(p, []byte(strings.Repeat("line\n", i+1)), 0o644)
		ps = append(ps, p)
	}
	return ps
}

func TestAllocsHashFiles(t *testing.T) {
	ps := tempFiles(t, 3)
	allocs(t, "HashFiles", func() { HashFiles(ps, 2, nil) })
	if got := HashFiles(ps, 2, nil); got[2].Size != 15 || got[0].Sum == "" {
		t.Fatal(got)
	}
}

func TestAllocsWalkHash(t *testing.T) {
	ps := tempFiles(t, 3)
	root := filepath.Dir(ps[0])
	allocs(t, "WalkHash", func() { WalkHash(root, 2) })
	if got, err := WalkHash(root, 2); err != nil || len(got) != 3 {
		t.Fatal(got, err)
	}
}

func TestAllocsTreeDigest(t *testing.T) {
	ps := tempFiles(t, 3)
	allocs(t, "TreeDigest", func() { TreeDigest(ps, 2) })
	if TreeDigest(ps, 2) != TreeDigest([]string{ps[2], ps[0], ps[1]}, 3) {
		t.Fatal("order matters")
	}
}

func TestAllocsHashChunked(t *testing.T) {
	ps := []string{"a", "b", "c", "d", "e"}
	allocs(t, "HashChunked", func() { HashChunked(ps, 2, "") })
	got := HashChunked(ps, 2, "")
	if len(got[4]) != 12 || got[0] == got[1] {
		t.Fatal(got)
	}
}

var checkers = []Checker{
	{Name: "todo", Check: func(file, src string) []Diagnostic {
		var ds []Diagnostic
		for i, l := range strings.Split(src, "\n") {
			if strings.Contains(l, "TODO") {
				ds = append(ds, Diagnostic{File: file, Line: i + 1, Checker: "todo", Message: "todo left"})
			}
		}
		return ds
	}},
	{Name: "long", Check: func(file, src string) []Diagnostic {
		if len(src) > 20 {
			return []Diagnostic{{File: file, Checker: "long", Message: "file too long"}}
		}
		return nil
	}},
}

var lintFiles = map[string]string{"a.go": "package a // TODO", "b.go": "package b\n// TODO x\n// TODO y\n"}

func TestAllocsLint(t *testing.T) {
	ctx := context.Background()
	allocs(t, "Lint", func() { Lint(ctx, lintFiles, checkers, LintOptions{}) })
	ds, err := Lint(ctx, lintFiles, checkers, LintOptions{Disabled: []string{"long"}})
	if err != nil || len(ds) != 3 {
		t.Fatal(ds, err)
	}
}

func TestAllocsLintCapped(t *testing.T) {
	allocs(t, "LintCapped", func() { LintCapped(lintFiles, checkers, LintOptions{MaxPer: 2}) })
	if got := LintCapped(lintFiles, checkers, LintOptions{MaxPer: 2}); got["todo"] != 2 {
		t.Fatal(got)
	}
}

func TestAllocsLintSummary(t *testing.T) {
	allocs(t, "LintSummary", func() { LintSummary(lintFiles, checkers, "") })
	if got := LintSummary(lintFiles, checkers, ""); !strings.HasPrefix(got, "LINT\nlint todo: 3") {
		t.Fatal(got)
	}
}

func TestLintStream(t *testing.T) {
	ds := LintStream(lintFiles, checkers)
	if len(ds) != 5 || ds[4].Message != "4" {
		t.Fatal(ds)
	}
}

type memStore struct {
	mu   sync.Mutex
	keys map[string]int
	fail string
}

func (m *memStore) Put(ctx context.Context, key string, data []byte) error {
	if m.fail != "" && strings.Contains(key, m.fail) {
		return errors.New("denied: " + key)
	}
	m.mu.Lock()
	m.keys[key] = len(data)
	m.mu.Unlock()
	return nil
}

var arts = []Artifact{{"bin/a", []byte("aaaa")}, {"bin/b", []byte("bb")}, {"lib/c", []byte("c")}}

func TestAllocsUpload(t *testing.T) {
	s := &memStore{keys: map[string]int{}}
	ctx := context.Background()
	allocs(t, "Upload", func() { Upload(ctx, s, arts, UploadOptions{Prefix: "r1", Parallel: 2}) })
	if s.keys["r1/bin/a"] != 4 {
		t.Fatal(s.keys)
	}
}

func TestAllocsUploadWithProgress(t *testing.T) {
	s := &memStore{keys: map[string]int{}}
	ctx := context.Background()
	var last int64
	report := func(sent, total int64) { last = sent }
	allocs(t, "UploadWithProgress", func() { UploadWithProgress(ctx, s, arts, "", time.Hour, report) })
	if last != 7 || s.keys["artifacts/lib/c"] != 1 {
		t.Fatal(last, s.keys)
	}
}

func TestUploadFirstError(t *testing.T) {
	s := &memStore{keys: map[string]int{}, fail: "bin/"}
	var mu sync.Mutex
	var logged []string
	done := make(chan struct{})
	logf := func(format string, args ...any) {
		mu.Lock()
		logged = append(logged, fmt.Sprintf(format, args...))
		mu.Unlock()
		close(done)
	}
	if err := UploadFirstError(context.Background(), s, arts, "", logf); err == nil {
		t.Fatal("want an error")
	}
	<-done
	mu.Lock()
	defer mu.Unlock()
	if !strings.HasPrefix(logged[0], "upload (abandoned): denied") {
		t.Fatal(logged)
	}
}

func TestAllocsUploadManifest(t *testing.T) {
	s := &memStore{keys: map[string]int{}}
	ctx := context.Background()
	allocs(t, "UploadManifest", func() { UploadManifest(ctx, s, arts, "v1") })
	if s.keys["v1/lib/c"] != 1 || s.keys["latest/MANIFEST"] != 1 {
		t.Fatal(s.keys)
	}
}

type graph map[string][]Module

func (g graph) Requires(ctx context.Context, m Module) ([]Module, error) {
	if m.Path == "broken" {
		return nil, errors.New("no such module")
	}
	return g[m.String()], nil
}

var deps = graph{
	"app@v1":  {{"lib", "v1"}, {"util", "v2"}},
	"lib@v1":  {{"util", "v1"}},
	"util@v2": nil,
	"util@v1": nil,
}

func TestResolve(t *testing.T) {
	g, err := NewResolver(deps).Resolve(context.Background(), []Module{{"app", "v1"}}, 2)
	if err != nil || len(g) != 4 {
		t.Fatal(g, err)
	}
}

func TestAllocsFetchAll(t *testing.T) {
	mods := []Module{{"app", "v1"}, {"lib", "v1"}}
	ctx := context.Background()
	allocs(t, "FetchAll", func() { FetchAll(ctx, deps, mods, 0) })
	if got, err := FetchAll(ctx, deps, mods, 0); err != nil || len(got["app@v1"]) != 2 {
		t.Fatal(got, err)
	}
}

func TestAllocsSelectVersions(t *testing.T) {
	mods := []Module{{"app", "v1"}, {"lib", "v1"}}
	ctx := context.Background()
	allocs(t, "SelectVersions", func() { SelectVersions(ctx, deps, mods, " lib ") })
	got, err := SelectVersions(ctx, deps, mods, " lib ")
	if err != nil || got["util"] != "v2" || got["lib"] != "" {
		t.Fatal(got, err)
	}
}

func TestAllocsLevels(t *testing.T) {
	roots := []Module{{"app", "v1"}}
	ctx := context.Background()
	allocs(t, "Levels", func() { Levels(ctx, deps, roots, 3) })
	got, err := Levels(ctx, deps, roots, 3)
	if err != nil || len(got) != 3 || got[2][0] != "util@v1" {
		t.Fatal(got, err)
	}
}

var genTypes = map[string][]string{"User": {"Name", "Email"}, "Team": {"Title"}}

func TestAllocsGenerate(t *testing.T) {
	g := &Generator{Package: "model", Workers: 2}
	allocs(t, "Generate", func() { g.Generate(genTypes) })
	got := g.Generate(genTypes)
	if got[0].Name != "team_gen.go" || !strings.HasPrefix(string(got[1].Src), "// Code generated") {
		t.Fatal(got)
	}
}

func TestAllocsFormatAll(t *testing.T) {
	srcs := map[string][]byte{"a.go": []byte("package a\nvar x=1\n"), "b.txt": []byte("x"), "c.go": []byte("package c\n")}
	allocs(t, "FormatAll", func() { FormatAll(srcs, "") })
	got := FormatAll(srcs, "")
	if len(got) != 1 || string(got["a.go"]) != "package a\n\nvar x = 1\n" {
		t.Fatal(got)
	}
}

func TestGenerateAppend(t *testing.T) {
	got := GenerateAppend(&Generator{Package: "m"}, genTypes)
	if len(got) != 3 || got[2].Name != "doc.go" {
		t.Fatal(got)
	}
}

func TestAllocsGrep(t *testing.T) {
	ps := tempFiles(t, 3)
	os.WriteFile(ps[1], []byte("Error one\nok\nERROR two\n"), 0o644)
	allocs(t, "Grep", func() { Grep(ps, "error", true) })
	if got := Grep(ps, "error", true); len(got[ps[1]]) != 2 {
		t.Fatal(got)
	}
}

func TestAllocsTailLast(t *testing.T) {
	ps := tempFiles(t, 3)
	allocs(t, "TailLast", func() { TailLast(ps, 2) })
	if got := TailLast(ps, 2); len(got[ps[2]]) != 2 || len(got[ps[0]]) != 1 {
		t.Fatal(got)
	}
}

func TestFollow(t *testing.T) {
	ps := tempFiles(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan Line, 4)
	errc := make(chan error, 1)
	go func() { errc <- Follow(ctx, ps, "hit", time.Millisecond, out) }()
	time.Sleep(20 * time.Millisecond)
	f, _ := os.OpenFile(ps[1], os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("miss\nhit me\n")
	f.Close()
	l := <-out
	cancel()
	if err := <-errc; err != nil || l.Text != "hit me" {
		t.Fatal(l, err)
	}
}

func TestMultiplex(t *testing.T) {
	a := make(chan string)
	rename := make(chan string)
	out := Multiplex([]<-chan string{a}, "x:", rename)
	a <- "1"
	if got := <-out; got != "x:1" {
		t.Fatal(got)
	}
	rename <- "y:"
	rename <- "y:" // the second send returns only once the first rename is stored
	a <- "2"
	if got := <-out; got != "y:2" {
		t.Fatal(got)
	}
	close(a)
	close(rename)
}

func TestAllocsDebounce(t *testing.T) {
	events := make(chan string, 3)
	events <- "a.go"
	events <- "b.go"
	events <- "a.go"
	close(events)
	var got []Change
	errs := Debounce(context.Background(), events, time.Hour, func(c Change) error {
		got = append(got, c)
		return nil
	})
	if len(errs) != 0 || len(got) != 1 || len(got[0].Files) != 2 {
		t.Fatal(got, errs)
	}
}

func TestTrigger(t *testing.T) {
	var rb Rebuilder
	started := make(chan string, 2)
	build := func(ctx context.Context, target string) error {
		started <- target
		<-ctx.Done()
		return ctx.Err()
	}
	rb.Trigger(context.Background(), "", build)
	rb.Trigger(context.Background(), "./cmd/...", build)
	rb.Stop()
	if a, b := <-started, <-started; a != "./..." || b != "./cmd/..." || rb.Builds != 2 {
		t.Fatal(a, b, rb.Builds)
	}
}

func TestAllocsWatchOnce(t *testing.T) {
	changes := []Change{{Files: []string{"a"}}, {Files: []string{"b"}}}
	build := func(label string, c Change) error {
		if label != "watch" {
			return errors.New(label)
		}
		return nil
	}
	allocs(t, "WatchOnce", func() { WatchOnce(changes, "", build) })
	if label, failed := WatchOnce(changes, "", build); label != "watch done" || failed != 0 {
		t.Fatal(label, failed)
	}
}

func TestAllocsPoll(t *testing.T) {
	ps := tempFiles(t, 2)
	ctx, cancel := context.WithCancel(context.Background())
	changed := make(chan []string)
	go Poll(ctx, ps, time.Millisecond, changed)
	if got := <-changed; len(got) != 2 {
		t.Fatal(got)
	}
	cancel()
}

func TestAllocsPruner(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"00", "01"} {
		os.Mkdir(filepath.Join(dir, sub), 0o755)
		for i := 0; i < 3; i++ {
			os.WriteFile(filepath.Join(dir, sub, fmt.Sprint(i)), []byte("0123456789"), 0o644)
		}
	}
	p := &Pruner{Dir: dir, MaxSize: 35, Workers: 2}
	ctx := context.Background()
	allocs(t, "Scan", func() { p.Scan(ctx) })
	ents, err := p.Scan(ctx)
	if err != nil || len(ents) != 6 {
		t.Fatal(ents, err)
	}
	victims := p.Victims(ents, time.Now())
	allocs(t, "Remove", func() { p.Remove(victims, true) })
	if len(victims) != 3 {
		t.Fatal(victims)
	}
}

type fakeExecutor struct {
	mu    sync.Mutex
	beats int
	fails int
}

func (f *fakeExecutor) Execute(ctx context.Context, a Action) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fails > 0 {
		f.fails--
		return nil, errors.New("flaky")
	}
	return []byte("built " + a.ID), nil
}

func (f *fakeExecutor) Heartbeat(ctx context.Context, id string) error {
	f.mu.Lock()
	f.beats++
	f.mu.Unlock()
	return nil
}

func TestAllocsRunRemote(t *testing.T) {
	ex := &fakeExecutor{}
	ctx := context.Background()
	allocs(t, "RunRemote", func() { RunRemote(ctx, ex, Action{ID: "x"}, time.Hour) })
	if out, err := RunRemote(ctx, ex, Action{ID: "x"}, time.Hour); err != nil || string(out) != "built x" {
		t.Fatal(out, err)
	}
}

func TestAllocsRunBatch(t *testing.T) {
	ex := &fakeExecutor{}
	ctx := context.Background()
	acts := []Action{{ID: "a"}, {ID: "b"}}
	allocs(t, "RunBatch", func() { RunBatch(ctx, ex, acts, time.Hour) })
	if out, err := RunBatch(ctx, ex, acts, time.Hour); err != nil || string(out["b"]) != "built b" {
		t.Fatal(out, err)
	}
}

func TestAllocsRetry(t *testing.T) {
	ex := &fakeExecutor{}
	ctx := context.Background()
	allocs(t, "Retry", func() { Retry(ctx, ex, Action{ID: "r"}, 3, time.Second) })
	ex.fails = 2
	if out, err := Retry(ctx, ex, Action{ID: "r"}, 3, time.Second); err != nil || string(out) != "built r#3" {
		t.Fatal(out, err)
	}
}

func TestOpenSession(t *testing.T) {
	ex := &fakeExecutor{}
	s := Open(context.Background(), ex, "", time.Millisecond)
	time.Sleep(10 * time.Millisecond)
	s.Close()
	if ex.beats == 0 {
		t.Fatal("no heartbeat")
	}
}

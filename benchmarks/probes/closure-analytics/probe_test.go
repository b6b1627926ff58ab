package analytics

import (
	"context"
	"io"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s allocs %.0f", name, testing.AllocsPerRun(50, f))
}

var logLines = []string{"INFO|api|3ms|user=a", "WARN|db|40ms", "INFO|db|7ms|user=b", "ERROR|api|90ms|user=a", "INFO|web|1ms"}

var tree = fstest.MapFS{
	"a.txt":     {Data: []byte("alpha")},
	"b.log":     {Data: []byte("beta")},
	"sub/c.txt": {Data: []byte("gamma")},
}

func TestAllocs(t *testing.T) {
	now := time.Unix(1000, 0)
	samples := []Sample{{"cpu", 1, now}, {"mem", 2, now}, {"cpu", 3, now.Add(time.Minute)}}
	allocs(t, "Aggregate", func() { Aggregate(samples, AggConfig{Workers: 2}) })
	allocs(t, "Percentiles", func() { Percentiles([][]float64{{3, 1, 2}, {5}}, []float64{0.5, 2}) })
	allocs(t, "Rollup", func() { Rollup(samples, 0, 2) })
	allocs(t, "Counters", func() { Counters([]string{"Api", "db", "API"}, "API", 2) })
	allocs(t, "Histogram", func() { Histogram([]float64{1, 5, 10}, []float64{2, 8}, 2) })
	allocs(t, "ParseLines", func() { ParseLines(logLines, ParseOptions{Workers: 2}) })
	allocs(t, "LevelCounts", func() { LevelCounts(strings.NewReader(strings.Join(logLines, "\n")), "", 2) })
	tl := &Tailer{Name: "app", Sep: "|"}
	allocs(t, "ParseAs", func() { tl.ParseAs("text", logLines[:2]) })
	allocs(t, "ParseCounted", func() { ParseCounted(tl, "text", logLines[:2]) })
	allocs(t, "SlowRequests", func() { SlowRequests(map[string][]string{"api": logLines}, "5ms") })
	allocs(t, "FieldIndex", func() { FieldIndex(logLines, " user ", 2) })
	allocs(t, "Levels", func() { Levels([]string{"1|a", "x|b"}, 3) })
	allocs(t, "HashTree", func() { HashTree(tree, HashParams{Workers: 2, Ext: ".TXT"}) })
	blobs := [][]byte{[]byte("a"), []byte("b"), []byte("c")}
	hp := &HashParams{Workers: 2, Salt: "s"}
	allocs(t, "HashBlobs", func() { HashBlobs(blobs, hp) })
	allocs(t, "PlanSync", func() { PlanSync(tree, fstest.MapFS{}, SyncOptions{}) })
	allocs(t, "CopyFiles", func() {
		CopyFiles(tree, "/nonexistent/", []string{"a.txt", "b.log"}, SyncOptions{Workers: 2, DryRun: true})
	})
	allocs(t, "BuildArchive", func() { BuildArchive(ArchiveSpec{Prefix: "x/", Files: map[string][]byte{"a": {1}}, Mode: 0o644}) })
	allocs(t, "DiskUsage", func() { DiskUsage(tree, []string{".", "sub"}, -1) })
	p := NewPool(PoolConfig{Workers: 2}, func(_ context.Context, t Task) (string, error) { return t.Data, nil })
	tasks := []Task{{1, "a"}, {2, "b"}, {3, "c"}}
	allocs(t, "PoolRun", func() { p.Run(context.Background(), tasks) })
	allocs(t, "Batches", func() { Batches(tasks, PoolConfig{Queue: 2}) })
	allocs(t, "Grep", func() { Grep(logLines, "API", Flags{Workers: 2}) })
	workers := 2
	allocs(t, "Scatter", func() { Scatter(tasks, &workers, " a ") })
	c := &CLI{Out: io.Discard, Sep: "|"}
	allocs(t, "CLIRun", func() { c.Run("count", logLines) })
	allocs(t, "Exec", func() { Exec(*c, "count", logLines) })
	allocs(t, "Script", func() { c.Script([]string{"count a b", "version"}) })
	r := &Report{Rows: map[string]Summary{"cpu": {Count: 1, Sum: 2}}}
	allocs(t, "ReportWrite", func() { r.Write(io.Discard, "csv") })
}

func TestBehaviour(t *testing.T) {
	now := time.Unix(1000, 0)
	agg := Aggregate([]Sample{{"cpu", 1, now}, {"mem", 2, now}, {"cpu", 3, now}}, AggConfig{Workers: 2, Scale: 2})
	if agg["cpu"].Sum != 8 || agg["cpu"].Max != 6 || agg["mem"].Count != 1 {
		t.Fatal(agg)
	}
	if got, _ := Counters([]string{"Api", "db", "API"}, "API", 2); got != 2 {
		t.Fatal(got)
	}
	entries, errs := ParseLines(logLines, ParseOptions{Workers: 3})
	if entries[3].Service != "api" || errs[1] != nil {
		t.Fatal(entries, errs)
	}
	tl := &Tailer{Name: "app", Sep: "|"}
	if e, err := tl.ParseAs("text", logLines[:1]); err != nil || e[0].Level != "INFO" {
		t.Fatal(e, err)
	}
	if n, err := ParseCounted(tl, "counted", logLines[:3]); err != nil || n != 3 {
		t.Fatal(n, err)
	}
	if got := Levels([]string{"1|a", "x|b"}, 3); got != 3 {
		t.Fatal(got)
	}
	hs, err := HashTree(tree, HashParams{Workers: 2, Ext: ".TXT"})
	if err != nil || len(hs) != 2 || hs[0].Sum == "" {
		t.Fatal(hs, err)
	}
	if got := Grep(logLines, "API", Flags{Workers: 2}); got != 2 {
		t.Fatal(got)
	}
	if got := Retune(&PoolConfig{Workers: 2}, []Task{{1, ""}, {3, ""}}); got < 2 {
		t.Fatal(got)
	}
	var sb strings.Builder
	c := &CLI{Out: &sb, Sep: "|"}
	if err := c.Script([]string{"top a|1 a|2 b", "version"}); err != nil || c.runs != 1 || !strings.HasPrefix(sb.String(), "a 2\nb 1\n") {
		t.Fatal(sb.String(), c.runs, err)
	}
	if v, err := c.RunVerbose("count", nil); !v || err != nil {
		t.Fatal(v, err)
	}
	sb.Reset()
	r := &Report{Rows: map[string]Summary{"cpu": {Count: 1, Sum: 2}}}
	if err := r.Write(&sb, "yaml"); err != nil || sb.String() != "report\ncpu 1 2.00\n" {
		t.Fatalf("%q %v", sb.String(), err)
	}
	plan, err := PlanSync(tree, fstest.MapFS{"old": {Data: []byte("x")}}, SyncOptions{})
	if err != nil || len(plan.Copy) != 3 || plan.Delete[0] != "old" {
		t.Fatal(plan, err)
	}
	b, err := BuildArchive(ArchiveSpec{Prefix: "../x", Files: map[string][]byte{"a": {1}}, Mode: 0o644})
	if err != nil || len(b) == 0 {
		t.Fatal(err)
	}
}

func TestAllocsScrape(t *testing.T) {
	now := time.Unix(1000, 0)
	pts := []Point{{"api", now, 1}, {"db", now.Add(time.Second), 2}, {"api2", now.Add(2 * time.Second), 3}}
	allocs(t, "ScrapeSince", func() { ScrapeSince(pts, now, ScrapeConfig{Workers: 2}) })
	allocs(t, "ShardTotals", func() { ShardTotals(pts, ScrapeConfig{Shards: 2, Job: "API"}) })
	s := &Scraper{cfg: ScrapeConfig{Workers: 2}}
	allocs(t, "ScraperRound", func() { s.Round(pts, 1.5) })
}

func TestBehaviourScrape(t *testing.T) {
	now := time.Unix(1000, 0)
	pts := []Point{{"api", now, 1}, {"db", now.Add(time.Second), 2}, {"api2", now.Add(2 * time.Second), 3}}
	got, wm := ScrapeSince(pts, now, ScrapeConfig{Workers: 2})
	if len(got) != 2 || !wm.Equal(now.Add(2*time.Second)) {
		t.Fatal(got, wm)
	}
	if total, job := ShardTotals(pts, ScrapeConfig{Shards: 2, Job: "API"}); total != 4 || job != "api-done" {
		t.Fatal(total, job)
	}
	keep, c := (&Scraper{cfg: ScrapeConfig{Workers: 2}}).Round(pts, 1.5)
	if keep[0] || !keep[1] || c != 2.25 {
		t.Fatal(keep, c)
	}
}

package tabkit

import (
	"testing"
)

var rows = Memory{
	{Name: "a", Group: "x", Size: 2048},
	{Name: "b", Group: "y", Size: 10},
	{Name: "b", Group: "xy", Size: 4096},
}

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("AllocsPerRun %s = %v", name, testing.AllocsPerRun(200, f))
}

func TestExtractorsAllocs(t *testing.T) {
	cols := []string{"name", "size", "x"}
	allocs(t, "Extractors", func() { Extractors(cols, true) })
	if got := Extractors(cols, true)[0](rows[0]); len(got) != 12 {
		t.Fatalf("pad: %q", got)
	}
}

func TestReportAllocs(t *testing.T) {
	srcs := []Source{rows, rows[:1]}
	names := []string{"one", "two"}
	allocs(t, "Report", func() { Report(srcs, names, "-") })
	got := Report(srcs, names, "-")
	if got[1] != "-a" || got[5] != "-  a" {
		t.Fatalf("%q", got)
	}
}

func TestCountOverAllocs(t *testing.T) {
	srcs := []Source{rows, rows}
	allocs(t, "CountOver", func() { CountOver(srcs, 2048) })
	if n, s := CountOver(srcs, 2048); n != 4 || s != "4 rows over 2k" {
		t.Fatalf("%d %q", n, s)
	}
}

func TestGrepAllocs(t *testing.T) {
	allocs(t, "Grep", func() { Grep(rows, "x") })
	if hits, line := Grep(rows, "x"); len(hits) != 2 || line != "X: a,b" {
		t.Fatalf("%q %q", hits, line)
	}
}

func TestScanAllocs(t *testing.T) {
	srcs := []Source{rows[1:2], rows}
	allocs(t, "Scan", func() { Scan(srcs, 3000) })
	if n, ok := Scan(srcs, 3000); n != 3 || ok {
		t.Fatalf("%d %v", n, ok)
	}
}

func TestDedupeTally(t *testing.T) {
	if got := Dedupe([]Source{rows, rows[1:]}); len(got) != 2 {
		t.Fatalf("%v", got)
	}
	counts := map[string]int{}
	Tally(rows, " g:", counts)
	if counts[" g:x"] != 1 || counts["g:"] != 3 {
		t.Fatalf("%v", counts)
	}
}

func TestSplitSlugTop(t *testing.T) {
	if got := SplitLine("a;b;;c", "semi"); len(got) != 3 {
		t.Fatalf("%q", got)
	}
	if got := Slug("Hello World!", 0); got != "hello-world-" {
		t.Fatalf("%q", got)
	}
	if got := TopN(rows, 2); got[0].Name != "b" || got[1].Name != "a" {
		t.Fatalf("%v", got)
	}
}

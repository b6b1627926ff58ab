package logtail

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAllocs(t *testing.T) {
	line := `ts=2024-05-01T10:00:00Z level=warn msg="disk almost full" host=db-3 mount=/var used=91`
	if FieldOffsets(line) <= 0 {
		t.Fatal(FieldOffsets(line))
	}
	allocs(t, "FieldOffsets", func() { FieldOffsets(line) })
	if Clip("a\tb") != "a b" {
		t.Fatal(Clip("a\tb"))
	}
	long := strings.Repeat(line, 4)
	allocs(t, "Clip", func() { Clip(long) })
	if Escape(`a"b`) != `"a\"b"` {
		t.Fatal(Escape(`a"b`))
	}
	allocs(t, "Escape", func() { Escape(`some "quoted" value with \ in it and more`) })
	lines := []string{line, "level=info", "level=error", "level=warn"}
	if LevelHistogram(lines, 9) != 2 {
		t.Fatal(LevelHistogram(lines, 9))
	}
	allocs(t, "LevelHistogram", func() { LevelHistogram(lines, 200) })
	if Position("main.go", 10, 3) != "main.go:10:3" {
		t.Fatal(Position("main.go", 10, 3))
	}
	allocs(t, "Position", func() { Position("internal/agent/scrape/target_manager.go", 1024, 17) })
	s, err := LastLines(strings.NewReader("a\nb\nc\n"), 2)
	if err != nil || s != "b\nc\n" {
		t.Fatal(s, err)
	}
	if Window(lines, 2) == 0 {
		t.Fatal("window")
	}
	if Summary("x", 1, 0) != "file=x lines=1 errors=0" {
		t.Fatal(Summary("x", 1, 0))
	}
	allocs(t, "Summary", func() { Summary("/var/log/syslog", 1234, 5) })
	var w strings.Builder
	fs := Fields(line)
	if err := WriteRecord(&w, fs); err != nil || !strings.HasPrefix(w.String(), "ts=") {
		t.Fatal(w.String(), err)
	}
	allocs(t, "WriteRecord", func() { w.Reset(); WriteRecord(&w, fs) })
	var p Pending
	p.Add(fs[:1])
	p.Add(fs[1:2])
	if string(p.recs[0]) != "ts=2024-05-01T10:00:00Z " {
		t.Fatal(string(p.recs[0]))
	}
}

func TestTail(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, body := range []string{"level=error a\nlevel=info\n", "level=error b\nlevel=error c\n"} {
		p := filepath.Join(dir, string(rune('a'+i))+".log")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	got := ScanAll(paths, Options{})
	if got[0].Lines != 1 || got[1].Lines != 2 {
		t.Fatal(got)
	}
	allocs(t, "ScanAll", func() { ScanAll(paths, Options{}) })
	if Rescan(paths, "LEVEL=ERROR") != 3 {
		t.Fatal(Rescan(paths, "LEVEL=ERROR"))
	}
	allocs(t, "Rescan", func() { Rescan(paths, "level=error") })
	first, missing := FirstFile(append(paths, "/nope"), "level=error")
	if first.Lines != 1 || missing != 1 {
		t.Fatal(first, missing)
	}
	allocs(t, "FirstFile", func() { FirstFile(paths, "level=error") })
	n, m := Drained(paths, "level=error")
	if n != 3 || m != "LEVEL=ERROR" {
		t.Fatal(n, m)
	}
	allocs(t, "Drained", func() { Drained(paths, "level=error") })
}

package segment

import (
	"bytes"
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestSegment(t *testing.T) {
	entries := []Entry{{"search", []uint64{1, 5, 900}}, {"go", []uint64{2, 5}}}
	var buf bytes.Buffer
	if _, err := Write(&buf, entries); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil || len(got) != 2 || got[0].Term != "go" || len(got[1].IDs) != 3 || got[1].IDs[2] != 900 {
		t.Fatal(got, err)
	}
	m := Merge(got, []Entry{{"go", []uint64{7}}, {"zed", nil}})
	if len(m) != 3 || len(m[0].IDs) != 3 {
		t.Fatal(m)
	}
	if Checksum(entries) == 0 || TermSum("go") == 0 || Footer(io.Discard, entries) != nil {
		t.Fatal("sums")
	}
	allocs(t, "Write", func() { Write(io.Discard, entries) })
	allocs(t, "Checksum", func() { Checksum(entries) })
	allocs(t, "TermSum", func() { TermSum("search") })
	allocs(t, "Footer", func() { Footer(io.Discard, entries) })
}

package replay

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestReplay(t *testing.T) {
	var buf bytes.Buffer
	r, err := NewRecorder(&buf, "m1")
	if err != nil {
		t.Fatal(err)
	}
	frames := []Frame{{Tick: 1, Inputs: []uint16{1, 2}}, {Tick: 2, Inputs: []uint16{3, 4}}}
	for _, f := range frames {
		if err := r.Add(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Flush(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	body := data[strings.IndexByte(buf.String(), '\n')+1:]
	if n, err := Count(bytes.NewReader(body)); err != nil || n != 2 {
		t.Fatal(n, err)
	}
	if Summary(frames) != "2 frames, ticks 1..2" || len(Checkpoint(5, []int32{1, 2})) != 12 {
		t.Fatal("summary")
	}
	bad := Verify(frames, []int{4, 0}, func(_ int, in uint16, acc int) int { return acc + int(in) })
	if len(bad) != 1 || bad[0] != 1 {
		t.Fatal(bad)
	}
	rec, _ := NewRecorder(io.Discard, "m2")
	rd := bytes.NewReader(body)
	allocs(t, "Add", func() { rec.Add(frames[0]) })
	allocs(t, "Count", func() { rd.Reset(body); Count(rd) })
	allocs(t, "Summary", func() { Summary(frames) })
	allocs(t, "Verify", func() { Verify(frames, []int{4, 6}, func(_ int, in uint16, acc int) int { return acc + int(in) }) })
}

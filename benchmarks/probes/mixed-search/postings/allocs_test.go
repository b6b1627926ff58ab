package postings

import (
	"bytes"
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestPostings(t *testing.T) {
	ids := []uint64{3, 7, 300, 70000, 1 << 40}
	if !Roundtrip(ids) {
		t.Fatal("roundtrip")
	}
	var buf bytes.Buffer
	WriteBlock(&buf, ids)
	if EncodedSize(ids) != buf.Len() {
		t.Fatal(EncodedSize(ids), buf.Len())
	}
	if n, _ := Count(buf.Bytes()); n != 5 {
		t.Fatal(n)
	}
	if got := Intersect(ids, []uint64{7, 300, 9}); len(got) != 2 || IntersectCount(ids, []uint64{7, 300, 9}) != 2 {
		t.Fatal(got)
	}
	if got := Union([]uint64{1, 3}, []uint64{2, 3}); len(got) != 3 {
		t.Fatal(got)
	}
	var skips [16]uint64
	if BlockFirsts(ids, &skips) != 1 || len(BlockChecksums(ids)) != 1 {
		t.Fatal("blocks")
	}
	if len(AppendBlock(nil, ids)) == 0 {
		t.Fatal("append")
	}
	allocs(t, "WriteBlock", func() { WriteBlock(io.Discard, ids) })
	allocs(t, "EncodedSize", func() { EncodedSize(ids) })
	allocs(t, "IntersectCount", func() { IntersectCount(ids, ids) })
}

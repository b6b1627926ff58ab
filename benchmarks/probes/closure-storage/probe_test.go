package storage

import (
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"io"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(50, f))
}

func mkRun(level int, keys ...string) Run {
	r := Run{Level: level}
	for i, k := range keys {
		r.Entries = append(r.Entries, Entry{Key: []byte(k), Value: []byte("v" + k), Seq: uint64(level*100 + i)})
	}
	return r
}

type memSink struct {
	mu   sync.Mutex
	runs map[int]int
	fail int
}

func (s *memSink) WriteRun(id int, es []Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id == s.fail {
		return errors.New("disk full")
	}
	if s.runs == nil {
		s.runs = map[int]int{}
	}
	s.runs[id] = len(es)
	return nil
}

func tables(n int) []*Memtable {
	ts := make([]*Memtable, n)
	for i := range ts {
		ts[i] = &Memtable{ID: i + 1, Entries: map[string]Entry{"a": {Key: []byte("a")}, "b": {Key: []byte("b")}}}
	}
	return ts
}

func blocks(n int, badID int) []Block {
	bs := make([]Block, n)
	for i := range bs {
		d := []byte("block-" + strconv.Itoa(i))
		bs[i] = Block{ID: i, Data: d, Sum: crc32.ChecksumIEEE(d)}
		if i == badID {
			bs[i].Sum++
		}
	}
	return bs
}

func TestCompactPairs(t *testing.T) {
	runs := []Run{mkRun(0, "a", "c"), mkRun(0, "b", "c"), mkRun(0, "d")}
	out := CompactPairs(runs, 0)
	if len(out) != 2 || len(out[0].Entries) != 3 || len(out[1].Entries) != 1 {
		t.Fatal(out)
	}
	allocs(t, "CompactPairs", func() { CompactPairs(runs, 0) })
}

func TestPickLevel(t *testing.T) {
	sizes := []int64{5, 200, 300}
	if got := PickLevel(sizes, 10, 10); got != 1 {
		t.Fatal(got)
	}
	allocs(t, "PickLevel", func() { PickLevel(sizes, 10, 10) })
}

func TestCompactor(t *testing.T) {
	c := NewCompactor(time.Millisecond)
	c.Add(mkRun(0, "a"))
	c.Add(mkRun(0, "b"))
	time.Sleep(20 * time.Millisecond)
	c.Close()
	if c.merged.Load() != 1 {
		t.Fatal(c.merged.Load())
	}
}

func TestSortRuns(t *testing.T) {
	runs := []Run{mkRun(0, "c", "a", "b")}
	SortRuns(runs, true)
	if string(runs[0].Entries[0].Key) != "a" {
		t.Fatal(runs)
	}
	allocs(t, "SortRuns", func() { SortRuns(runs, true) })
}

func TestOverlapping(t *testing.T) {
	runs := []Run{mkRun(0, "a", "c"), mkRun(0, "x", "z"), mkRun(0, "b", "e")}
	res, lo, hi := Overlapping(runs, []byte("b"), []byte("d"))
	if !reflect.DeepEqual(res, []bool{true, false, true}) || string(lo) != "a" || string(hi) != "e" {
		t.Fatal(res, string(lo), string(hi))
	}
	allocs(t, "Overlapping", func() { Overlapping(runs, []byte("b"), []byte("d")) })
}

func TestCompactWithDeadline(t *testing.T) {
	runs := []Run{mkRun(0, "a"), mkRun(0, "b")}
	out, ok := CompactWithDeadline(runs, 0, time.Second)
	if !ok || len(out) != 2 {
		t.Fatal(out, ok)
	}
}

func TestFlushAll(t *testing.T) {
	ts := tables(4)
	s := &memSink{}
	runs, err := FlushAll(context.Background(), ts, s, 2)
	if err != nil || len(runs) != 4 || s.runs[3] != 2 {
		t.Fatal(runs, err, s.runs)
	}
	s.fail = 2
	if _, err := FlushAll(context.Background(), ts, s, 2); err == nil {
		t.Fatal("want error")
	}
	s.fail = 0
	allocs(t, "FlushAll", func() { FlushAll(context.Background(), ts, s, 2) })
}

func TestFlushAsync(t *testing.T) {
	if err := <-FlushAsync(tables(1)[0], &memSink{}, 0); err != nil {
		t.Fatal(err)
	}
}

func TestFlushBatches(t *testing.T) {
	ts := tables(5)
	s := &memSink{}
	if err := FlushBatches(ts, s, 2); err != nil || len(s.runs) != 5 {
		t.Fatal(err, s.runs)
	}
	allocs(t, "FlushBatches", func() { FlushBatches(ts, s, 2) })
}

func TestFlusher(t *testing.T) {
	s := &memSink{fail: 2}
	f := StartFlusher(s, 2)
	for _, m := range tables(3) {
		f.Submit(m)
	}
	if err := f.Stop(); err == nil {
		t.Fatal("want error")
	}
}

func TestFlushWithTimeout(t *testing.T) {
	if err := FlushWithTimeout(tables(1)[0], &memSink{}, time.Second, "l0"); err != nil {
		t.Fatal(err)
	}
}

func TestDumpRuns(t *testing.T) {
	var a, b bytes.Buffer
	if err := DumpRuns([]Run{mkRun(1, "k"), mkRun(2)}, []io.Writer{&a, &b}, "#"); err != nil {
		t.Fatal(err)
	}
	if a.String() != "# level 1\n#k\n" || b.String() != "# level 2\n" {
		t.Fatalf("%q %q", a.String(), b.String())
	}
}

func TestBuildIndexes(t *testing.T) {
	runs := []Run{mkRun(0, "a", "b", "c", "d", "e")}
	idx := BuildIndexes(runs, 2, 4)
	if len(idx[0]) != 3 || idx[0][2].Block != 1 {
		t.Fatal(idx)
	}
	allocs(t, "BuildIndexes", func() { BuildIndexes(runs, 2, 4) })
}

func TestBloom(t *testing.T) {
	b := NewBloom(1024, 3)
	runs := []Run{mkRun(0, "a", "b")}
	FillBloom(b, runs, true)
	if !b.Has([]byte("a")) || !b.Has([]byte("b")) {
		t.Fatal("missing")
	}
	allocs(t, "FillBloom", func() { FillBloom(b, runs, true) })
}

func TestCountKeys(t *testing.T) {
	runs := []Run{mkRun(0, "ua", "ub", "x"), mkRun(1, "uc")}
	if got := CountKeys(runs, []byte("u")); got != 3 {
		t.Fatal(got)
	}
	allocs(t, "CountKeys", func() { CountKeys(runs, []byte("u")) })
}

func TestShardIndex(t *testing.T) {
	runs := []Run{mkRun(0, "a", "b"), mkRun(1, "b")}
	if got := ShardIndex(runs, 3); got["a"] != 0 || got["b"] != 1 {
		t.Fatal(got)
	}
}

func TestSortedKeys(t *testing.T) {
	runs := []Run{mkRun(0, "b", "a"), mkRun(0, "c", "a")}
	got := SortedKeys(runs, true)
	if len(got) != 3 || string(got[0]) != "c" {
		t.Fatal(got)
	}
	allocs(t, "SortedKeys", func() { SortedKeys(runs, true) })
}

func TestBuildWithProgress(t *testing.T) {
	var p Progress
	out := <-BuildWithProgress([]Run{mkRun(0, "a")}, &p, "idx")
	if len(out) != 1 || p.done.Load() != 1 {
		t.Fatal(out)
	}
}

type nopSync struct{ n int }

func (s *nopSync) sync() error { s.n++; return nil }

func TestWAL(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	s := &nopSync{}
	w := OpenWAL(writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return buf.Write(p) }), s.sync, 8, time.Millisecond)
	errs := AppendAll(w, [][]byte{[]byte("one"), []byte("two")})
	w.Close()
	if errs[0] != nil || errs[1] != nil || buf.Len() != 2*8+6 {
		t.Fatal(errs, buf.Len())
	}
	img := frame(frame(nil, []byte("one")), []byte("two"))
	var got []string
	err := ReplayFrames(img, []int{0, 11}, func(seg int, rec []byte) { mu.Lock(); got = append(got, string(rec)); mu.Unlock() })
	if err != nil || len(got) != 2 {
		t.Fatal(err, got)
	}
	allocs(t, "ReplayFrames", func() { ReplayFrames(img, []int{0, 11}, func(int, []byte) {}) })
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestSyncEvery(t *testing.T) {
	stop := make(chan struct{})
	s := &nopSync{}
	fin := SyncEvery(s.sync, time.Millisecond, stop, time.Second)
	time.Sleep(5 * time.Millisecond)
	close(stop)
	<-fin
	if s.n == 0 {
		t.Fatal("no sync")
	}
}

func TestDelayedSync(t *testing.T) {
	wait := DelayedSync(func() error { return errors.New("eio") }, time.Millisecond, "wal")
	if err := wait(); err == nil || err.Error() != "wal: eio" {
		t.Fatal(err)
	}
}

func TestTruncate(t *testing.T) {
	var buf bytes.Buffer
	if err := Truncate([]byte("0123456789"), 3, &buf, 4); err != nil || buf.String() != "3456789" {
		t.Fatal(err, buf.String())
	}
}

func TestScrub(t *testing.T) {
	bs := blocks(20, 7)
	got := Scrub(bs, 3, "vol0")
	if len(got) != 1 || got[0].ID != 7 || got[0].Volume != "vol0" {
		t.Fatal(got)
	}
	allocs(t, "Scrub", func() { Scrub(bs, 3, "vol0") })
}

func TestScrubRanges(t *testing.T) {
	bs := blocks(20, -1)
	rs := [][2]int{{0, 10}, {10, 20}}
	if err := ScrubRanges(context.Background(), bs, rs, crc32.IEEETable); err != nil {
		t.Fatal(err)
	}
	if err := ScrubRanges(context.Background(), blocks(20, 12), rs, crc32.IEEETable); err == nil {
		t.Fatal("want error")
	}
	allocs(t, "ScrubRanges", func() { ScrubRanges(context.Background(), bs, rs, crc32.IEEETable) })
}

func TestScrubber(t *testing.T) {
	s := StartScrubber(func() []Block { return blocks(4, 1) }, time.Millisecond)
	time.Sleep(5 * time.Millisecond)
	s.Stop()
	if c, b := s.Stats(); c < 4 || b < 1 {
		t.Fatal(c, b)
	}
}

func TestThrottledScrub(t *testing.T) {
	bs := blocks(10, 4)
	if bad, first := ThrottledScrub(bs, 2, 0); bad != 1 || first != 4 {
		t.Fatal(bad, first)
	}
}

func TestWriteSnapshot(t *testing.T) {
	s := &Snapshot{Seq: 9, Parts: [][]Block{blocks(1, -1), blocks(2, -1)}}
	var a, b, m bytes.Buffer
	if err := WriteSnapshot(s, []io.Writer{&a, &b}, &m); err != nil {
		t.Fatal(err)
	}
	if a.String() != "snap v3 seq 9 part 0\nblock-0" || m.String() != "manifest v4 seq 9 parts 2\n" {
		t.Fatalf("%q %q", a.String(), m.String())
	}
	allocs(t, "WriteSnapshot", func() {
		a.Reset()
		b.Reset()
		m.Reset()
		WriteSnapshot(s, []io.Writer{&a, &b}, &m)
	})
}

func TestShutdown(t *testing.T) {
	e := &Engine{
		wal:   OpenWAL(io.Discard, func() error { return nil }, 4, time.Millisecond),
		comp:  NewCompactor(time.Millisecond),
		scrub: StartScrubber(func() []Block { return nil }, time.Millisecond),
	}
	var mu sync.Mutex
	var lines []string
	if err := e.Shutdown(time.Second, "test", func(s string) { mu.Lock(); lines = append(lines, s); mu.Unlock() }); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 || e.Shutdown(time.Second, "again", func(string) {}) != ErrClosed {
		t.Fatal(lines)
	}
}

func TestVerifyParts(t *testing.T) {
	s := &Snapshot{Parts: [][]Block{blocks(3, 1), blocks(3, -1)}}
	var n int
	for range VerifyParts(s, crc32.IEEETable) {
		n++
	}
	if n != 1 {
		t.Fatal(n)
	}
}

package etl

import (
	"context"
	"hash/crc32"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %.0f allocs", name, testing.AllocsPerRun(50, f))
}

func rows(n int) []Row {
	rs := make([]Row, n)
	for i := range rs {
		rs[i] = Row{Key: "k" + strconv.Itoa(i%7), Value: float64(i), Part: i % 3}
	}
	return rs
}

func TestAggregate(t *testing.T) {
	rs := rows(100)
	if got := Aggregate(rs, 4); got.Count != 100 || got.Sum != 4950 || got.Min != 0 || got.Max != 99 {
		t.Fatalf("%+v", got)
	}
	allocs(t, "Aggregate", func() { Aggregate(rs, 4) })
}

func TestPartitionCounts(t *testing.T) {
	rs := rows(30)
	if got := PartitionCounts(rs, 3); !reflect.DeepEqual(got, []int{10, 10, 10}) {
		t.Fatal(got)
	}
	allocs(t, "PartitionCounts", func() { PartitionCounts(rs, 3) })
}

func TestFilter(t *testing.T) {
	out, skipped := Filter(rows(10), 4.5)
	if len(out) != 5 || skipped != 5 {
		t.Fatal(out, skipped)
	}
}

func TestPrefixSums(t *testing.T) {
	xs := []int64{1, 2, 3, 4, 5, 6, 7}
	if got := PrefixSums(xs, 3); !reflect.DeepEqual(got, []int64{1, 3, 6, 10, 15, 21, 28}) {
		t.Fatal(got)
	}
	allocs(t, "PrefixSums", func() { PrefixSums(xs, 3) })
}

func TestHistogram(t *testing.T) {
	xs := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9.9}
	if got := Histogram(xs, 0, 10, 5); !reflect.DeepEqual(got, []int64{2, 2, 2, 2, 2}) {
		t.Fatal(got)
	}
	allocs(t, "Histogram", func() { Histogram(xs, 0, 10, 5) })
}

func TestTopKeysTokens(t *testing.T) {
	if got := TopKeys(map[string]float64{"a": 1, "b": 3, "c": 3}, 2); !reflect.DeepEqual(got, []string{"b", "c"}) {
		t.Fatal(got)
	}
	if got := Tokens("a,b;c", ",;"); len(got) != 3 {
		t.Fatal(got)
	}
	if got := Fields("a|b\tc"); len(got) != 3 {
		t.Fatal(got)
	}
}

func TestParse(t *testing.T) {
	out, err := ParseChunks([][]byte{[]byte("a,1\nb,2\n"), []byte("c,3")}, ',')
	if err != nil || len(out[0]) != 2 || out[1][0].Value != 3 {
		t.Fatal(out, err)
	}
	got, err := ParseLimited(context.Background(), []string{"a,1\n", "b,2"}, 2)
	if err != nil || got[1][0].Key != "b" {
		t.Fatal(got, err)
	}
	if _, err := ParseLimited(context.Background(), []string{"a;1"}, 1); err == nil {
		t.Fatal("want error")
	}
}

func TestVerify(t *testing.T) {
	files := []File{{Name: "a", Data: []byte("x")}, {Name: "b", Data: []byte("y")}}
	tab := crc32.MakeTable(crc32.Castagnoli)
	files[0].Sum = crc32.Checksum(files[0].Data, tab)
	files[1].Sum = crc32.Checksum(files[1].Data, tab)
	if n, err := VerifyAll(context.Background(), files, 2); n != 2 || err != nil {
		t.Fatal(n, err)
	}
	allocs(t, "VerifyAll", func() { _, _ = VerifyAll(context.Background(), files, 2) })
	files[1].Sum = crc32.ChecksumIEEE(files[1].Data)
	if n := VerifyCount(files); n != 1 {
		t.Fatal(n)
	}
}

func TestDedupNormalize(t *testing.T) {
	if got := Dedup([][]Row{rows(7), rows(7)}); len(got) != 7 {
		t.Fatal(len(got))
	}
	rs := []Row{{Key: "A"}, {Key: "B"}}
	Normalize(rs, "P_")
	if rs[0].Key != "p_a" || rs[1].Key != "p_b" {
		t.Fatal(rs)
	}
}

func TestSortShards(t *testing.T) {
	shards := [][]Row{{{Value: 3}, {Value: 1}}, {{Value: 2}, {Value: 0}}}
	got := SortShards(shards, false)
	for i, r := range got {
		if r.Value != float64(i) {
			t.Fatal(got)
		}
	}
	allocs(t, "SortShards", func() { SortShards(shards, false) })
}

func TestSortByKeys(t *testing.T) {
	shards := [][]string{{"b", "a"}, {"d", "c"}}
	if n := SortByKeys(shards, 1); n == 0 || shards[0][0] != "a" {
		t.Fatal(n, shards)
	}
	allocs(t, "SortByKeys", func() { SortByKeys(shards, 2) })
}

func TestQuantiles(t *testing.T) {
	cols := [][]float64{{4, 1, 3, 2, 0}}
	if got := Quantiles(cols, []float64{0, 0.5, 1}); !reflect.DeepEqual(got, [][]float64{{0, 2, 4}}) {
		t.Fatal(got)
	}
	allocs(t, "Quantiles", func() { Quantiles(cols, []float64{0.5, 0.9}) })
}

func TestRankBy(t *testing.T) {
	rs := []Row{{Key: "b", Value: 1}, {Key: "a", Value: 2}}
	RankBy(rs, "value")
	if rs[0].Key != "b" {
		t.Fatal(rs)
	}
}

func TestQueueDrain(t *testing.T) {
	q := NewQueue(2)
	go func() {
		for _, r := range rows(10) {
			q.Put(r)
		}
		q.Close()
	}()
	if n := Drain(q, 3); n != 10 {
		t.Fatal(n)
	}
}

func TestScale(t *testing.T) {
	rs := rows(4)
	Scale(rs, 2)
	if rs[3].Value != 6 {
		t.Fatal(rs)
	}
	allocs(t, "Scale", func() { Scale(rs, 1) })
}

func TestProduce(t *testing.T) {
	out := make(chan Row, 10)
	if n := Produce(rows(5), out, make(chan struct{})); n != 5 {
		t.Fatal(n)
	}
}

func TestBatchWriter(t *testing.T) {
	var got [][]Row
	w := &BatchWriter{Size: 2, Every: time.Hour, Flush: func(b []Row) { got = append(got, append([]Row(nil), b...)) }}
	in := make(chan Row, 5)
	for _, r := range rows(5) {
		in <- r
	}
	close(in)
	if n := w.Run(in); n != 3 || len(got[2]) != 1 {
		t.Fatal(n, got)
	}
}

func TestWatermarkProgress(t *testing.T) {
	times := make(chan time.Time)
	stop := make(chan struct{})
	get := Watermark(times, stop)
	now := time.Now()
	times <- now
	times <- now.Add(-time.Hour)
	close(stop)
	if !get().Equal(now) {
		t.Fatal(get())
	}
	wait, _ := Progress(rows(4), func(Row) {})
	if n := wait(); n != 4 {
		t.Fatal(n)
	}
}

func TestFanOutStages(t *testing.T) {
	got := FanOut([]string{"a", "bb"}, 2, func(s string) int { return len(s) })
	if got["bb"] != 2 || len(got) != 2 {
		t.Fatal(got)
	}
	s, err := Stages(context.Background(), []string{" a ", "b"}, "-")
	if err != nil || s != "A-B" {
		t.Fatal(s, err)
	}
	allocs(t, "Stages", func() { _, _ = Stages(context.Background(), []string{"a"}, "-") })
}

func TestCollect(t *testing.T) {
	parts := [][]Row{rows(4), rows(4)}
	keep := func(r Row) bool { return r.Value > 1 }
	if got := Collect(parts, keep); len(got) != 4 {
		t.Fatal(got)
	}
	allocs(t, "Collect", func() { Collect(parts, keep) })
}

func TestRetained(t *testing.T) {
	add, snap := Retained(2)
	add(1, 2)
	if got := snap(); got[1] != 2 {
		t.Fatal(got)
	}
}

func TestWindowed(t *testing.T) {
	rs := rows(5)
	if got := Windowed(rs, 2); !reflect.DeepEqual(got, []float64{1, 5, 4}) {
		t.Fatal(got)
	}
	allocs(t, "Windowed", func() { Windowed(rs, 2) })
	_ = strings.ToUpper
}

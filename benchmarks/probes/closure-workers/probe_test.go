package workers

import (
	"context"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	f()
	t.Logf("%s allocs/run: %v", name, testing.AllocsPerRun(50, f))
}

type nopReplica struct{}

func (nopReplica) Put(ctx context.Context, key string, data []byte) error { return nil }

var (
	imgs = []Image{{ID: "a", Width: 4000, Height: 3000, Data: make([]byte, 10)}, {ID: "b", Width: 800, Height: 600, Data: make([]byte, 100)}}
	opt  = Options{MaxWidth: 1024, MaxHeight: 768, Quality: 80, Prefix: "thumb/"}
	reps = []Replica{nopReplica{}, nopReplica{}, nopReplica{}}
)

func TestAllocs(t *testing.T) {
	ctx := context.Background()
	allocs(t, "ResizeAll", func() { ResizeAll(imgs, opt) })
	allocs(t, "HashAll", func() { HashAll(imgs, "uploads") })
	allocs(t, "ResizeLimited", func() { ResizeLimited(imgs, opt, 1) })
	allocs(t, "FirstError", func() { FirstError(imgs, []func(Image) error{func(Image) error { return nil }}) })
	allocs(t, "CountLarge", func() { CountLarge([][]Image{imgs, imgs}, 50) })
	allocs(t, "Summaries", func() { Summaries([][]Image{imgs, imgs}, ",") })
	allocs(t, "Process", func() {
		c := make(chan Stats, 1)
		Process(imgs, func(Image) error { return nil }, c)
		<-c
	})
	allocs(t, "Batch", func() { Batch(ctx, imgs, opt, time.Minute) })
	allocs(t, "Replicate", func() { Replicate(ctx, reps, "k", nil, 3) })
	allocs(t, "Latencies", func() { Latencies(ctx, reps, 16) })
	allocs(t, "Gather", func() { Gather(ctx, reps, "p/", []string{"a", "b"}) })
	allocs(t, "Scatter", func() { Scatter(ctx, reps, [][]byte{nil, nil}, "n") })
	allocs(t, "Collect", func() {
		in := make(chan string, 2)
		in <- "a"
		in <- "b"
		close(in)
		Collect(in)
	})
	allocs(t, "Encode", func() {
		in := make(chan Image, 2)
		in <- imgs[0]
		in <- imgs[1]
		close(in)
		for range Encode(in, "img ") {
		}
	})
	allocs(t, "Retry", func() { <-Retry(ctx, func() error { return nil }, 3, time.Millisecond) })
	allocs(t, "Poll", func() { <-Poll(ctx, func() bool { return true }, time.Millisecond, time.Second) })
	allocs(t, "Deadline", func() { Deadline("job", time.Second, func(string) {}) })
	allocs(t, "WarnSlow", func() { WarnSlow("/p", time.Second, func(string) {}, func() {}) })
}

func TestResults(t *testing.T) {
	if got := ResizeAll(imgs, opt); got[0].Size != 1024*768 || got[0].Key != "thumb/a" {
		t.Fatalf("ResizeAll: %+v", got)
	}
	if got := CountLarge([][]Image{imgs, imgs}, 50); got != 2 {
		t.Fatalf("CountLarge: %d", got)
	}
	c := make(chan Stats, 1)
	Process(imgs, func(Image) error { return nil }, c)
	if st := <-c; st.Done != 2 {
		t.Fatalf("Process: %+v", st)
	}
	if err := <-Retry(context.Background(), func() error { return nil }, 3, time.Millisecond); err != nil {
		t.Fatal(err)
	}
	in := make(chan string, 1)
	in <- "x"
	close(in)
	if lines, n := Collect(in); n != 1 || len(lines) != 1 {
		t.Fatalf("Collect: %v %d", lines, n)
	}
}

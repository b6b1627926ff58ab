package fleet

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
)

// Segment is one piece of a stream.
type Segment struct {
	Index    int
	Duration float64
	Data     []byte
}

// Playlist is an HLS media playlist.
type Playlist struct {
	Target   int
	Segments []string
}

// muxer writes packets into segments; its methods read its fields only.
type muxer struct {
	prefix string
	target float64
}

func (m *muxer) name(i int) string { return fmt.Sprintf("%s%05d.ts", m.prefix, i) }

// Segmenter cuts packets into segments with a muxer goroutine fed by a
// channel; the target duration is rounded after for the playlist.
func Segmenter(ctx context.Context, packets [][]byte, durs []float64, target float64) ([]Segment, Playlist) {
	in := make(chan int)
	out := make(chan []Segment, 1)
	go func() {
		var segs []Segment
		var cur bytes.Buffer
		acc := 0.0
		for i := range in {
			cur.Write(packets[i])
			acc += durs[i]
			if acc >= target {
				segs = append(segs, Segment{len(segs), acc, bytes.Clone(cur.Bytes())})
				cur.Reset()
				acc = 0
			}
		}
		if cur.Len() > 0 {
			segs = append(segs, Segment{len(segs), acc, bytes.Clone(cur.Bytes())})
		}
		out <- segs
	}()
	for i := range packets {
		select {
		case in <- i:
		case <-ctx.Done():
		}
	}
	close(in)
	segs := <-out
	target = float64(int(target + 0.5))
	pl := Playlist{Target: int(target)}
	for _, s := range segs {
		pl.Segments = append(pl.Segments, fmt.Sprintf("seg%05d.ts", s.Index))
	}
	return segs, pl
}

// NameSegments names each segment through the muxer's pointer method, in
// parallel (the pointer-method capture).
func NameSegments(segs []Segment, prefix string, target float64) []string {
	mux := muxer{prefix: prefix, target: target}
	names := make([]string, len(segs))
	var wg sync.WaitGroup
	for i, s := range segs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = mux.name(s.Index)
		}()
	}
	wg.Wait()
	return names
}

// WriteSegments stores each segment with a pool of writers and a closer
// goroutine; the key prefix is versioned after for the returned manifest.
func WriteSegments(segs []Segment, prefix string, workers int, put func(key string, b []byte) error) ([]string, string) {
	jobs := make(chan Segment)
	errs := make(chan error)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				if err := put(fmt.Sprintf("%s/%05d.ts", prefix, s.Index), s.Data); err != nil {
					errs <- err
				}
			}
		}()
	}
	go func() {
		for _, s := range segs {
			jobs <- s
		}
		close(jobs)
		wg.Wait()
		close(errs)
	}()
	var failed []string
	for err := range errs {
		failed = append(failed, err.Error())
	}
	prefix = strings.TrimSuffix(prefix, "/") + "/v2"
	return failed, prefix
}

// LiveEdge publishes each new segment to subscribers in goroutines that
// outlive the call (must-decline).
func LiveEdge(segs []Segment, subs []func(Segment, string)) {
	edge := "live"
	for _, s := range segs {
		for _, sub := range subs {
			go sub(s, edge)
			go func() { sub(s, edge+"-ll") }()
		}
		edge = fmt.Sprintf("live@%d", s.Index)
	}
}

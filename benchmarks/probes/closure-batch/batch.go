package batch

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Item is one unit of batch work.
type Item struct {
	ID, Key string
	Size    int
}

// ProcessItems starts one goroutine per item; each item's key falls back to its
// ID inside the loop body before the goroutine starts.
func ProcessItems(items []Item, handle func(string, int) string) []string {
	out := make([]string, len(items))
	var wg sync.WaitGroup
	for i, it := range items {
		key := it.Key
		if key == "" {
			key = it.ID
		}
		size := it.Size
		switch {
		case size < 0:
			size = 0
		case size > 1<<20:
			size = 1 << 20
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = handle(key, size)
		}()
	}
	wg.Wait()
	return out
}

// Options configure a batch run.
type Options struct {
	Workers int
	Prefix  string
	Timeout time.Duration
}

// RunBatch defaults the options field by field and shares them with the workers.
func RunBatch(items []Item, opts Options, handle func(Options, Item) string) []string {
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	out := make([]string, len(items))
	var g errgroup.Group
	g.SetLimit(opts.Workers)
	for i, it := range items {
		g.Go(func() error {
			out[i] = handle(opts, it)
			return nil
		})
	}
	_ = g.Wait()
	return out
}

// Header is a binary record header read before the records are processed.
type Header struct {
	Version uint16
	Count   uint16
	Flags   uint32
}

// DecodeAll reads a header and then decodes each record in parallel; the
// header is read into through its address before the goroutines start.
func DecodeAll(data []byte, recs [][]byte) ([]string, error) {
	var h Header
	if err := binary.Read(bytes.NewReader(data), binary.LittleEndian, &h); err != nil {
		return nil, err
	}
	out := make([]string, len(recs))
	var wg sync.WaitGroup
	for i, r := range recs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = fmt.Sprintf("v%d/%d:%x", h.Version, h.Flags, r)
		}()
	}
	wg.Wait()
	return out, nil
}

// ParseLimits parses a limit with Sscan into a local and fans out.
func ParseLimits(spec string, vals []int) []bool {
	var limit int
	if _, err := fmt.Sscan(spec, &limit); err != nil {
		limit = 10
	}
	out := make([]bool, len(vals))
	var wg sync.WaitGroup
	for i, v := range vals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = v <= limit
		}()
	}
	wg.Wait()
	return out
}

// Stats is filled by a pointer method before the workers read it.
type Stats struct {
	Mean, Max float64
}

func (s *Stats) fill(xs []float64) {
	for _, x := range xs {
		s.Mean += x
		if x > s.Max {
			s.Max = x
		}
	}
	if len(xs) > 0 {
		s.Mean /= float64(len(xs))
	}
}

// Scale normalises values by stats computed in place first.
func Scale(xs []float64) []float64 {
	var st Stats
	st.fill(xs)
	out := make([]float64, len(xs))
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st.Max != 0 {
				out[i] = (x - st.Mean) / st.Max
			}
		}()
	}
	wg.Wait()
	return out
}

// Collect gathers results through a channel closed by a closer goroutine after
// the WaitGroup; the unit label is changed after the range ends.
func Collect(vals []int, unit string) ([]string, string) {
	if unit == "" {
		unit = "ms"
	}
	res := make(chan string)
	var wg sync.WaitGroup
	for _, v := range vals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res <- strconv.Itoa(v) + unit
		}()
	}
	go func() {
		wg.Wait()
		close(res)
	}()
	var got []string
	for s := range res {
		got = append(got, s)
	}
	unit = strings.ToUpper(unit)
	return got, unit
}

// waitTimeout waits for wg or gives up after d.
func waitTimeout(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// Deadline runs jobs and gives up after d; on timeout the jobs may still read
// mode, which the caller changes (must not be rewritten).
func Deadline(jobs []int, mode string, d time.Duration, run func(int, string)) string {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(j, mode)
		}()
	}
	if !waitTimeout(&wg, d) {
		mode = "abandoned"
	}
	return mode
}

// Pipeline is a two-stage batch pipeline with its own errgroup.
type Pipeline struct {
	g     errgroup.Group
	name  string
	stage int
}

// Run starts a goroutine per batch on the pipeline's group and waits on it;
// the round number is advanced after the wait.
func (p *Pipeline) Run(batches [][]int, round int, sink func(string, int, []int)) int {
	if round < 0 {
		round = 0
	}
	for _, b := range batches {
		p.g.Go(func() error {
			sink(p.name, round, b)
			return nil
		})
	}
	_ = p.g.Wait()
	round++
	return round
}

// Poll retries check until ok or ctx ends; each try runs with a fresh
// timeout in a goroutine, and the backoff grows after the try is received.
func Poll(ctx context.Context, check func(context.Context) bool, backoff time.Duration) bool {
	for {
		ok := make(chan bool, 1)
		go func() {
			tctx, cancel := context.WithTimeout(ctx, backoff)
			defer cancel()
			ok <- check(tctx)
		}()
		select {
		case v := <-ok:
			if v {
				return true
			}
		case <-ctx.Done():
			return false
		}
		backoff = min(backoff*2, time.Second)
	}
}

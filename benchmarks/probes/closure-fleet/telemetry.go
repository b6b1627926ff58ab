package fleet

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Point is one telemetry point.
type Point struct {
	Device string  `json:"d"`
	Metric string  `json:"m"`
	Value  float64 `json:"v"`
}

// Uploader sends a batch of encoded points.
type Uploader interface {
	Upload(ctx context.Context, batch []byte) error
}

// UploadConfig sizes batches and workers.
type UploadConfig struct {
	BatchSize int
	Workers   int
	Endpoint  string
}

// encoder renders a batch; its methods read its fields only.
type encoder struct {
	prefix string
	indent bool
}

func (e *encoder) encode(ps []Point) []byte {
	var b bytes.Buffer
	b.WriteString(e.prefix)
	for _, p := range ps {
		b.WriteString(p.Device)
		b.WriteByte(' ')
		b.WriteString(p.Metric)
		b.WriteByte('=')
		b.WriteString(strconv.FormatFloat(p.Value, 'g', -1, 64))
		if e.indent {
			b.WriteByte('\n')
		} else {
			b.WriteByte(';')
		}
	}
	return b.Bytes()
}

func (e *encoder) header() string { return e.label() + "/v1" }

func (e *encoder) label() string { return e.prefix }

// setIndent writes through the receiver.
func (e *encoder) setIndent(on bool) { e.indent = on }

// batches splits points into batches of at most n.
func batches(ps []Point, n int) [][]Point {
	n = max(n, 1)
	var out [][]Point
	for lo := 0; lo < len(ps); lo += n {
		out = append(out, ps[lo:min(lo+n, len(ps))])
	}
	return out
}

// UploadBatches encodes and uploads batches with cfg.Workers workers; the
// endpoint label is rewritten for the summary after the Wait.
func UploadBatches(ctx context.Context, up Uploader, ps []Point, cfg UploadConfig) (string, error) {
	bs := batches(ps, cfg.BatchSize)
	jobs := make(chan []Point)
	errs := make(chan error, len(bs))
	endpoint := cfg.Endpoint
	var wg sync.WaitGroup
	for w := 0; w < max(cfg.Workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				body, _ := json.Marshal(b)
				if err := up.Upload(ctx, body); err != nil {
					errs <- fmt.Errorf("%s: %w", endpoint, err)
				}
			}
		}()
	}
	for _, b := range bs {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	close(errs)
	endpoint = fmt.Sprintf("%s (%d batches)", endpoint, len(bs))
	for err := range errs {
		return endpoint, err
	}
	return endpoint, nil
}

// UploadEncoded encodes each batch with the encoder's pointer method in its
// goroutine on an errgroup (the pointer-method capture: encode reads e's
// fields only).
func UploadEncoded(ctx context.Context, up Uploader, ps []Point, prefix string, size int) error {
	enc := encoder{prefix: prefix}
	g, ctx := errgroup.WithContext(ctx)
	for _, b := range batches(ps, size) {
		g.Go(func() error {
			return up.Upload(ctx, enc.encode(b))
		})
	}
	return g.Wait()
}

// UploadHeaders labels each upload with the encoder's header, two pointer
// methods deep.
func UploadHeaders(ps []Point, prefix string, size int, send func(string, []Point)) {
	enc := encoder{prefix: prefix, indent: true}
	var wg sync.WaitGroup
	for _, b := range batches(ps, size) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send(enc.header(), b)
		}()
	}
	wg.Wait()
}

// UploadToggled flips the encoder's indent inside each worker through a
// pointer method (must-decline: the goroutines write through the receiver).
func UploadToggled(ps []Point, prefix string, size int) [][]byte {
	enc := encoder{prefix: prefix}
	bs := batches(ps, size)
	out := make([][]byte, len(bs))
	var wg sync.WaitGroup
	for i, b := range bs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			enc.setIndent(i%2 == 0)
			out[i] = append([]byte(enc.label()), enc.encode(b)...)
		}()
	}
	wg.Wait()
	return out
}

// FlushOnTick uploads whatever the buffer holds on every tick until ctx ends;
// the goroutine outlives the call (must-decline).
func FlushOnTick(ctx context.Context, up Uploader, tick <-chan struct{}, buf *[]Point) {
	var mu sync.Mutex
	go func() {
		for {
			select {
			case <-tick:
				mu.Lock()
				body, _ := json.Marshal(*buf)
				*buf = (*buf)[:0]
				mu.Unlock()
				up.Upload(ctx, body)
			case <-ctx.Done():
				return
			}
		}
	}()
	mu.Lock()
	*buf = append(*buf, Point{Metric: "flusher.started"})
	mu.Unlock()
}

// RetryUpload re-sends failed batches in parallel; the attempt number is read
// by the goroutines and raised each round after the round's Wait.
func RetryUpload(ctx context.Context, up Uploader, bs [][]byte, rounds int) int {
	attempt := 1
	pending := bs
	for attempt <= rounds && len(pending) > 0 {
		failed := make([]bool, len(pending))
		var wg sync.WaitGroup
		for i, b := range pending {
			wg.Add(1)
			go func() {
				defer wg.Done()
				hdr := []byte("attempt=" + strconv.Itoa(attempt) + "\n")
				failed[i] = up.Upload(ctx, append(hdr, b...)) != nil
			}()
		}
		wg.Wait()
		var next [][]byte
		for i, f := range failed {
			if f {
				next = append(next, pending[i])
			}
		}
		pending = next
		attempt++
	}
	return len(pending)
}

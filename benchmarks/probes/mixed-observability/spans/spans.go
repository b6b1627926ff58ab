// Package spans batches finished spans and exports them.
package spans

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"example.com/probes/mixed-observability/limits"
)

// Span is one finished span.
type Span struct {
	TraceID [16]byte
	SpanID  [8]byte
	Name    string
	Start   time.Time
	Dur     time.Duration
	Attrs   map[string]string
}

// Exporter sends a batch somewhere.
type Exporter interface {
	Export(batch []Span) error
}

const maxAttrs = 8

// TraceHex formats a trace id as 32 hex digits.
func TraceHex(s *Span) string {
	buf := make([]byte, hex.EncodedLen(len(s.TraceID)))
	hex.Encode(buf, s.TraceID[:])
	return string(buf)
}

// AttrKeys counts the bytes of a span's first attribute keys.
func AttrKeys(s *Span) int {
	n := len(s.Attrs)
	if n > maxAttrs {
		n = maxAttrs
	}
	keys := make([]string, 0, n)
	for k := range s.Attrs {
		if len(keys) == n {
			break
		}
		keys = append(keys, k)
	}
	total := 0
	for _, k := range keys {
		total += len(k)
	}
	return total
}

// Chunks splits spans into export batches of at most MaxSpanBatch and returns their sizes summed.
func Chunks(spans []Span, exp Exporter) error {
	for i := 0; i < len(spans); i += limits.MaxSpanBatch {
		end := min(i+limits.MaxSpanBatch, len(spans))
		if err := exp.Export(spans[i:end]); err != nil {
			return err
		}
	}
	return nil
}

// Durations copies the durations of a batch, which the exporter caps, for a percentile.
func Durations(batch []Span) time.Duration {
	if len(batch) > limits.MaxSpanBatch {
		batch = batch[:limits.MaxSpanBatch]
	}
	ds := make([]time.Duration, len(batch))
	for i, s := range batch {
		ds[i] = s.Dur
	}
	var longest time.Duration
	for _, d := range ds {
		longest = max(longest, d)
	}
	return longest
}

// Describe renders a span for debug logs.
func Describe(s *Span) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %x/%x %v", s.Name, s.TraceID[:4], s.SpanID, s.Dur)
	return b.String()
}

// WriteJSONLine writes a span as one JSON-ish line.
func WriteJSONLine(w io.Writer, s *Span) error {
	var b bytes.Buffer
	io.WriteString(&b, `{"name":`)
	b.WriteString(strconv.Quote(s.Name))
	io.WriteString(&b, `,"dur_us":`)
	b.WriteString(strconv.FormatInt(s.Dur.Microseconds(), 10))
	b.WriteString("}\n")
	_, err := b.WriteTo(w)
	return err
}

// Batcher collects spans and exports them in batches.
type Batcher struct {
	mu    sync.Mutex
	buf   []Span
	exp   Exporter
	size  int
	flush chan struct{}
}

// NewBatcher makes a batcher of the given size, capped at MaxSpanBatch.
func NewBatcher(exp Exporter, size int) *Batcher {
	if size <= 0 || size > limits.MaxSpanBatch {
		size = limits.MaxSpanBatch
	}
	return &Batcher{exp: exp, size: size, flush: make(chan struct{}, 1)}
}

// Add queues a span and flushes a full batch.
func (b *Batcher) Add(s Span) error {
	b.mu.Lock()
	b.buf = append(b.buf, s)
	full := len(b.buf) >= b.size
	b.mu.Unlock()
	if full {
		return b.Flush()
	}
	return nil
}

// Flush exports what is queued.
func (b *Batcher) Flush() error {
	b.mu.Lock()
	batch := make([]Span, len(b.buf))
	copy(batch, b.buf)
	b.buf = b.buf[:0]
	b.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	return b.exp.Export(batch)
}

// Window picks the size of the names buffer from the batcher's size, checked by NewBatcher.
func (b *Batcher) Names() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	names := make([]string, 0, b.size)
	for _, s := range b.buf {
		names = append(names, s.Name)
	}
	n := 0
	for _, s := range names {
		n += len(s)
	}
	return n
}

// ExportAll exports the batches concurrently and reports how many failed; the endpoint is renamed after the wait.
func ExportAll(batches [][]Span, exporters []Exporter, endpoint string) (int, string) {
	var wg sync.WaitGroup
	failed := make([]bool, len(batches))
	for i, batch := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := exporters[i%len(exporters)].Export(batch)
			if err != nil {
				failed[i] = true
				fmt.Fprintf(io.Discard, "export to %s failed: %v", endpoint, err)
			}
		}()
	}
	wg.Wait()
	n := 0
	for _, f := range failed {
		if f {
			n++
		}
	}
	if n > 0 {
		endpoint = "fallback:" + endpoint
	}
	return n, endpoint
}

// Retry exports one batch in the background, retrying until the deadline, and waits for the outcome
// unless the caller's stop channel closes first: the goroutine then outlives the call.
func Retry(batch []Span, exp Exporter, deadline time.Duration, stop <-chan struct{}) error {
	done := make(chan error, 1)
	go func() {
		start := time.Now()
		for {
			err := exp.Export(batch)
			if err == nil || time.Since(start) > deadline {
				done <- err
				return
			}
		}
	}()
	select {
	case err := <-done:
		deadline = 0
		return err
	case <-stop:
		return nil
	}
}

// Sampled counts sampled spans with a probability read by every goroutine; the rate is reset only after the results are drained.
func Sampled(parts [][]Span, rate float64) (int, float64) {
	results := make(chan int)
	for _, part := range parts {
		go func() {
			n := 0
			for _, s := range part {
				if float64(s.SpanID[0])/256 < rate {
					n++
				}
			}
			results <- n
		}()
	}
	total := 0
	for i := 0; i < len(parts); i++ {
		total += <-results
	}
	rate = 1
	return total, rate
}

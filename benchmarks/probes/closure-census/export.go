package metrics

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Exporter pushes lines to a collector over HTTP.
type Exporter struct {
	client *http.Client
	url    string
	hooks  Hooks
	mu     sync.Mutex
	sent   int
}

// NewExporter dials through its own dialer: the transport's DialContext calls the
// captured dialer's pointer method on every connection.
func NewExporter(url string, timeout time.Duration) *Exporter {
	dialer := net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
	}
	return &Exporter{client: &http.Client{Transport: tr}, url: url}
}

// SetHooks installs callbacks that read the exporter's label only.
func (e *Exporter) SetHooks(label string, log func(string)) {
	e.hooks.OnFlush = func(n int) { log(fmt.Sprintf("%s: flushed %d", label, n)) }
	e.hooks.OnError = func(err error) { log(label + ": " + err.Error()) }
}

// FlushAsync sends lines in the background; the goroutine fills its own buffer.
func (e *Exporter) FlushAsync(lines []string, done chan<- int) {
	var buf bytes.Buffer
	go func() {
		n, _ := writeAll(&buf, lines)
		e.mu.Lock()
		e.sent += n
		e.mu.Unlock()
		done <- buf.Len()
	}()
}

// FlushAll writes each batch from its own goroutine, counting bytes under a mutex.
func (e *Exporter) FlushAll(batches [][]string, prefix string) int {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int
	)
	for _, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			buf.WriteString(prefix)
			n, _ := writeAll(&buf, b)
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

// Shutdown waits for in-flight flushes with a deadline; the timer's literal reports late.
func (e *Exporter) Shutdown(ctx context.Context, name string, grace time.Duration) error {
	late := false
	t := time.AfterFunc(grace, func() {
		if e.hooks.OnError != nil {
			e.hooks.OnError(fmt.Errorf("%s: shutdown exceeded %v", name, grace))
		}
	})
	defer t.Stop()
	select {
	case <-ctx.Done():
		late = true
	case <-time.After(grace / 2):
	}
	if late {
		return ctx.Err()
	}
	return nil
}

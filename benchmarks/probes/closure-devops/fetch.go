package devops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Getter fetches one URL; tests use an in-memory one.
type Getter interface {
	Get(ctx context.Context, url string) ([]byte, error)
}

// Progress counts what the downloads have done so far.
type Progress struct {
	Files atomic.Int64
	Bytes atomic.Int64
}

// DownloadAll fetches every URL with a bounded number of workers, storing
// each body at its index and counting progress; the user agent is defaulted.
func DownloadAll(ctx context.Context, g Getter, urls []string, workers int, agent string) ([][]byte, *Progress, error) {
	if workers <= 0 {
		workers = 4
	}
	if agent == "" {
		agent = "devops/1.0"
	}
	var prog Progress
	bodies := make([][]byte, len(urls))
	errs := make([]error, len(urls))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			b, err := g.Get(ctx, u+"?ua="+agent)
			if err != nil {
				errs[i] = err
				return
			}
			bodies[i] = b
			prog.Files.Add(1)
			prog.Bytes.Add(int64(len(b)))
		}()
	}
	wg.Wait()
	return bodies, &prog, errors.Join(errs...)
}

// Status is one endpoint's health.
type Status struct {
	URL     string
	OK      bool
	Latency time.Duration
	Err     string
}

// CheckAll probes every endpoint concurrently, each with its own timeout;
// results come back over a channel and are gathered by index.
func CheckAll(ctx context.Context, g Getter, urls []string, timeout time.Duration) []Status {
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	type res struct {
		i int
		s Status
	}
	ch := make(chan res)
	for i, u := range urls {
		go func() {
			cctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			start := time.Now()
			_, err := g.Get(cctx, u)
			s := Status{URL: u, OK: err == nil, Latency: time.Since(start)}
			if err != nil {
				s.Err = err.Error()
			}
			ch <- res{i, s}
		}()
	}
	out := make([]Status, len(urls))
	for range urls {
		r := <-ch
		out[r.i] = r.s
	}
	return out
}

// Watch polls an endpoint until it is healthy or the deadline passes; the
// interval grows after each failure, which the poller goroutine observes.
func Watch(ctx context.Context, g Getter, url string, interval time.Duration) error {
	if interval <= 0 {
		interval = 100 * time.Millisecond
	}
	healthy := make(chan struct{})
	go func() {
		for {
			if _, err := g.Get(ctx, url); err == nil {
				close(healthy)
				return
			}
			select {
			case <-time.After(interval):
			case <-ctx.Done():
				return
			}
		}
	}()
	select {
	case <-healthy:
		return nil
	case <-ctx.Done():
		interval = 0
		return ctx.Err()
	}
}

// Crawl visits pages breadth first from seed up to depth, fetching each level
// in parallel; the visited set is shared under a mutex.
func Crawl(ctx context.Context, g Getter, seed string, depth int, host string) []string {
	host = strings.TrimPrefix(host, "https://")
	visited := map[string]bool{seed: true}
	var mu sync.Mutex
	level := []string{seed}
	for d := 0; d < depth && len(level) > 0; d++ {
		var next []string
		var wg sync.WaitGroup
		for _, u := range level {
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, err := g.Get(ctx, u)
				if err != nil {
					return
				}
				for _, l := range strings.Fields(string(b)) {
					if !strings.Contains(l, host) {
						continue
					}
					mu.Lock()
					if !visited[l] {
						visited[l] = true
						next = append(next, l)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		level = next
	}
	out := make([]string, 0, len(visited))
	for u := range visited {
		out = append(out, u)
	}
	return out
}

// Mirror copies each source into a writer chosen by name, reporting
// percentage progress through a callback every chunk.
func Mirror(srcs map[string]io.Reader, open func(string) io.Writer, chunk int, report func(string, int64)) error {
	if chunk <= 0 {
		chunk = 32 << 10
	}
	var wg sync.WaitGroup
	var firstErr error
	var once sync.Once
	for name, r := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := open(name)
			buf := make([]byte, chunk)
			var n int64
			for {
				k, err := r.Read(buf)
				if k > 0 {
					w.Write(buf[:k])
					n += int64(k)
					report(name, n)
				}
				if err == io.EOF {
					return
				}
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("%s: %w", name, err) })
					return
				}
			}
		}()
	}
	wg.Wait()
	return firstErr
}

// StatusHandler serves the last health results under a path prefix.
func StatusHandler(prefix string, last func() []Status) http.Handler {
	prefix = "/" + strings.Trim(prefix, "/")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			http.NotFound(w, r)
			return
		}
		for _, s := range last() {
			fmt.Fprintf(w, "%s %v %s\n", s.URL, s.OK, s.Latency)
		}
	})
}

// Routes registers one handler per service, each capturing its name and the
// shared header value.
func Routes(mux *http.ServeMux, services []string, header string) {
	header = strings.TrimSpace(header)
	for _, s := range services {
		mux.HandleFunc("/health/"+s, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Service", header)
			io.WriteString(w, s+" ok\n")
		})
	}
}

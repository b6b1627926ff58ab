package batch

import (
	"context"
	"strings"
	"sync"
	"testing"
)

// Lazy returns a loader that reads the file list once, on first use; dir is
// cleaned before the loader is made and never written after.
func Lazy(dir string, list func(string) []string) func() []string {
	dir = strings.TrimSuffix(dir, "/")
	return sync.OnceValue(func() []string { return list(dir) })
}

// OnCancel logs when ctx ends; the reason is chosen first.
func OnCancel(ctx context.Context, reason string, log func(string)) func() bool {
	if reason == "" {
		reason = "cancelled"
	}
	return context.AfterFunc(ctx, func() { log(reason) })
}

// BenchParallel is a harness helper for parallel benchmarks: the payload is
// built once and read by every worker.
func BenchParallel(b *testing.B, size int, work func([]byte)) {
	payload := make([]byte, size)
	if size > 1<<16 {
		payload = payload[:1<<16]
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			work(payload)
		}
	})
}

// Subtests runs each case as a parallel subtest; the tolerance is defaulted
// before the cases start.
func Subtests(t *testing.T, cases []Case, tol int, f func(int) int) {
	if tol < 0 {
		tol = 0
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			if d := f(c.In) - c.Want; d > tol || -d > tol {
				t.Errorf("%s: off by %d", c.Name, d)
			}
		})
	}
}

// Workers starts n workers on a shared queue; the worker's name prefix is set
// under the mutex after the workers start, and each worker reads it under the
// mutex too (a real shared variable: must not be rewritten).
func Workers(n int, jobs <-chan string, out chan<- string) {
	var mu sync.Mutex
	name := "w"
	for range n {
		go func() {
			for j := range jobs {
				mu.Lock()
				p := name
				mu.Unlock()
				out <- p + j
			}
		}()
	}
	mu.Lock()
	name = "worker"
	mu.Unlock()
}

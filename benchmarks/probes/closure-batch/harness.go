package batch

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Case is one table-driven case run by the harness.
type Case struct {
	Name string
	In   int
	Want int
}

// RunParallel runs each case in its own goroutine and records failures by index;
// the prefix for messages is chosen before and a summary appended after.
func RunParallel(cases []Case, f func(int) int, prefix string) []string {
	if prefix == "" {
		prefix = "case"
	}
	fails := make([]string, len(cases))
	var wg sync.WaitGroup
	for i, c := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := f(c.In); got != c.Want {
				fails[i] = fmt.Sprintf("%s %s: got %d want %d", prefix, c.Name, got, c.Want)
			}
		}()
	}
	wg.Wait()
	prefix += " summary"
	return append(fails, prefix)
}

// Measure runs fn n times across workers and reports the mean duration; the
// count of runs is an atomic, the label is set before.
func Measure(n, workers int, label string, fn func()) (string, time.Duration) {
	if workers < 1 {
		workers = 1
	}
	label = "bench/" + label
	var runs atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for runs.Add(1) <= int64(n) {
				fn()
			}
			_ = label
		}()
	}
	wg.Wait()
	el := time.Since(start)
	return label, el / time.Duration(max(n, 1))
}

// Timeout runs fn with a deadline, reporting whether it finished; if it times
// out, the goroutine still runs and reads name, which the caller rewrites.
func Timeout(name string, d time.Duration, fn func(string)) (bool, string) {
	done := make(chan struct{})
	go func() {
		fn(name)
		close(done)
	}()
	select {
	case <-done:
		name = name + " ok"
		return true, name
	case <-time.After(d):
		name = name + " timeout"
		return false, name
	}
}

// Stress hammers a counter from many goroutines and checks the total after the wait.
func Stress(goroutines, iters int) int64 {
	var n int64
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range iters {
				atomic.AddInt64(&n, 1)
			}
		}()
	}
	wg.Wait()
	return atomic.LoadInt64(&n)
}

// Setup runs one-time expensive setup guarded by a Once and then runs the
// workers; seed is mixed after the workers are done.
func Setup(seeds []int, seed int) ([]int, int) {
	var once sync.Once
	var base int
	out := make([]int, len(seeds))
	var wg sync.WaitGroup
	for i, s := range seeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { base = 1000 })
			out[i] = s*seed + 1
		}()
	}
	wg.Wait()
	seed = seed*31 + base
	return out, seed
}

// Hedge starts a backup request if the first is slow; both read key, and the
// caller changes key after the first answer (must not be rewritten).
func Hedge(key string, get func(string) string, after time.Duration) (string, string) {
	res := make(chan string, 2)
	go func() { res <- get(key) }()
	var v string
	select {
	case v = <-res:
	case <-time.After(after):
		go func() { res <- get(key) }()
		v = <-res
	}
	key = key + "#"
	return v, key
}

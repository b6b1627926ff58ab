package probe

import (
	"context"
	"fmt"
	"sync"
)

// Upload stops spawning once ctx is cancelled and waits for what it started;
// the bucket name is reset afterwards.
func Upload(ctx context.Context, files []string, bucket string, put func(string, string) error) ([]error, string) {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = put(bucket, f)
		}()
	}
	wg.Wait()
	bucket = ""
	return errs, bucket
}

// Guarded recovers a panicking task into its error slot; the tag is reset
// after every task finished.
func Guarded(tasks []func() error, tag string) ([]error, string) {
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs[i] = fmt.Errorf("%s: task %d panicked: %v", tag, i, r)
				}
			}()
			errs[i] = t()
		}()
	}
	wg.Wait()
	tag = ""
	return errs, tag
}

// Workers uses go1.22's range over an integer for a fixed pool.
func Workers(jobs <-chan int, workers int, weight int) int {
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for j := range jobs {
				mu.Lock()
				total += j * weight
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	weight = 0
	return total + weight
}

// Bounded acquires a slot or stops when ctx ends; the prefix is cleared after
// the wait.
func Bounded(ctx context.Context, names []string, limit int, prefix string, do func(string)) string {
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
loop:
	for _, n := range names {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			break loop
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			do(prefix + n)
		}()
	}
	wg.Wait()
	prefix = ""
	return prefix
}

// Package gather fetches a paged listing's keys concurrently.
package gather

import (
	"context"
	"sync"
)

// Gather pages through a listing and fetches every key of a page concurrently at the page's
// snapshot; a closer goroutine closes the results once the page's fetchers are done, and the loop
// stops early when ctx is done. The for-select loop is left only by `break loop` when a receive
// says results is closed, which comes after every fetcher's Done: the snapshot then moves on.
func Gather(ctx context.Context, list func(cursor string) (keys []string, next string), fetch func(ctx context.Context, snapshot, key string) (int, error)) (int, error) {
	type res struct {
		n   int
		err error
	}
	total := 0
	snapshot := "" // want "moved to heap: snapshot"
	for {
		keys, next := list(snapshot)
		results := make(chan res)
		var wg sync.WaitGroup // want "moved to heap: wg"
		for _, k := range keys {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				n, err := fetch(ctx, snapshot, k)
				select {
				case results <- res{n, err}:
				case <-ctx.Done():
				}
			}()
		}
		go func() { // want "func literal escapes to heap"
			wg.Wait()
			close(results)
		}()
	loop:
		for {
			select {
			case r, ok := <-results:
				if !ok {
					break loop
				}
				if r.err != nil {
					return 0, r.err
				}
				total += r.n
			case <-ctx.Done():
				return 0, ctx.Err()
			}
		}
		if next == "" {
			return total, nil
		}
		snapshot = next
	}
}

// Package fetch downloads a set of URLs concurrently, each body at its URL's index.
package fetch

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Getter fetches one URL.
type Getter func(ctx context.Context, url string) ([]byte, error)

// Fetch downloads every URL on its own goroutine, each storing its body in its slot. bodies is a named
// result the goroutines read (to index it) and the return statement writes: `return bodies, g.Wait()`
// assigns the results only once Wait has returned, after every goroutine's last read, so a copy keeps
// bodies off the heap while the return still writes the named result.
func Fetch(ctx context.Context, get Getter, urls []string) (bodies [][]byte, err error) { // want "moved to heap: bodies"
	bodies = make([][]byte, len(urls))
	g, gctx := errgroup.WithContext(ctx)
	for i, u := range urls {
		g.Go(func() error { // want "func literal escapes to heap"
			b, err := get(gctx, u)
			bodies[i] = b
			return err
		})
	}
	return bodies, g.Wait()
}

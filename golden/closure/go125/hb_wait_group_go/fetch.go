// Package fetch fetches pages concurrently with sync.WaitGroup.Go.
package fetch

import (
	"net/http"
	"sync"
)

// All fetches every path with the same headers, then returns the headers for the next batch with
// the one-time token dropped: WaitGroup.Go's Wait returns once every fetch has returned.
func All(paths []string, token string, get func(string, http.Header) int) ([]int, http.Header) {
	out := make([]int, len(paths))
	hdr := http.Header{}
	hdr.Set("Authorization", "Bearer "+token)
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() { // want "func literal escapes to heap"
			out[i] = get(p, hdr)
		})
	}
	wg.Wait()
	hdr = hdr.Clone()
	hdr.Del("Authorization")
	return out, hdr
}

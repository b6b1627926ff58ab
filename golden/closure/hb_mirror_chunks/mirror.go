// Package mirror copies a buffer to several writers at once.
package mirror

import (
	"errors"
	"io"
	"sync"
)

// Write sends src to every writer in chunks of at most chunk bytes, all writers in parallel
// for each chunk. src advances only after every writer has taken the chunk.
func Write(src []byte, dsts []io.Writer, chunk int) error { // want "moved to heap: src"
	errs := make([]error, len(dsts))
	for len(src) > 0 {
		n := min(chunk, len(src))
		var wg sync.WaitGroup // want "moved to heap: wg"
		for i, w := range dsts {
			wg.Add(1)
			go func() { // want "func literal escapes to heap"
				defer wg.Done()
				_, errs[i] = w.Write(src[:n])
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		src = src[n:]
	}
	return nil
}

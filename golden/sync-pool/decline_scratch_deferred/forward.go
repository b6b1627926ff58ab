// Package forward copies a body to a writer and, when a write fails, reports the chunk it was
// writing from a deferred func: after the function's own work, when a pool's Put would have run.
package forward

import (
	"errors"
	"io"
	"sync"
)

var (
	mu     sync.Mutex
	failed []string // the chunk each failed Forward was writing
)

// Forward copies r to w in chunks of up to 1 KiB; on a failed write it reports the chunk.
func Forward(w io.Writer, r io.Reader) (err error) {
	var last []byte
	defer func() {
		if err != nil {
			mu.Lock()
			failed = append(failed, string(last))
			mu.Unlock()
		}
	}()
	buf := make([]byte, 1024) // want "make\\(\\[\\]byte, 1024\\) escapes to heap" // declined "is assigned to last"
	for {
		n, rerr := r.Read(buf)
		last = buf[:n]
		if _, err = w.Write(last); err != nil {
			return err
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

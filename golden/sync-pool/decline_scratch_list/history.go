// Package history forwards chunks and keeps the recent ones in a list, for a debug page.
package history

import (
	"container/list"
	"io"
)

// Forward reads one chunk of r, writes it to w and remembers it in recent.
func Forward(w io.Writer, r io.Reader, recent *list.List) error {
	buf := make([]byte, 1024) // want "make\\(\\[\\]byte, 1024\\) escapes to heap" // declined "is passed to recent.PushBack, whose parameter"
	n, err := r.Read(buf)
	if n > 0 {
		if _, werr := w.Write(buf[:n]); werr != nil {
			return werr
		}
		recent.PushBack(buf[:n])
	}
	return err
}

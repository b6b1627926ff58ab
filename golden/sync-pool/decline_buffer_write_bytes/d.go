// Package bufwrite queues the buffer's bytes in a writer of its own, which keeps the slice it is
// given (not an io.Writer a caller passes in: its Write is known, and it stores p).
package bufwrite

import (
	"bytes"
	"fmt"
)

// Queue keeps every frame written to it, as written.
type Queue struct{ Frames [][]byte }

func (q *Queue) Write(p []byte) (int, error) {
	q.Frames = append(q.Frames, p)
	return len(p), nil
}

// Frame queues a length-prefixed frame in one Write.
func Frame(q *Queue, payload string) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "q.Write"
	fmt.Fprintf(buf, "%04d%s", len(payload), payload)
	_, err := q.Write(buf.Bytes())
	return err
}

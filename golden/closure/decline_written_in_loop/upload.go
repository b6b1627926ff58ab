// Package upload sends a file in chunks, one goroutine per chunk.
package upload

// Part is the result of uploading one chunk.
type Part struct {
	Offset int
	Err    error
}

// Chunks uploads every chunk concurrently. offset advances at the end of each
// iteration, after the goroutine for the chunk has been started: every
// goroutine reads the one shared offset, which is racy. Giving each
// goroutine its own copy would fix the race, but that is a behaviour change
// the author has to make, not a silent rewrite.
func Chunks(chunks [][]byte, put func(off int, b []byte) error) <-chan Part {
	parts := make(chan Part, len(chunks))
	offset := 0 // want "moved to heap: offset" // declined "written by or after the go statement"
	for _, c := range chunks {
		go func() { // want "func literal escapes to heap"
			parts <- Part{Offset: offset, Err: put(offset, c)}
		}()
		offset += len(c)
	}
	return parts
}

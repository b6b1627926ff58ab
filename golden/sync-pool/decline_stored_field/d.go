// Package storedfield keeps its buffer in a field.
package storedfield

type Writer struct{ last []byte }

// Write keeps the buffer in w.last.
func (w *Writer) Write(parts []string) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "stored in the field w.last"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	w.last = buf
	return len(buf)
}

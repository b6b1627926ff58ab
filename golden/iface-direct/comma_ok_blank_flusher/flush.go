// Package flush writes a batch through a buffered writer held in an options struct.
package flush

import (
	"bufio"
	"io"
)

type options struct {
	name string
	out  any
}

// Batch writes the records through a buffer and returns how many bytes it buffered.
func Batch(dst io.Writer, records []string) int {
	bw := bufio.NewWriterSize(dst, 512)
	buffered := sized{w: bw} // want "moved to heap: buffered"
	opt := options{name: "batch", out: &buffered}
	sw, _ := opt.out.(io.StringWriter)
	for _, r := range records {
		sw.WriteString(r)
	}
	return buffered.w.Buffered() + len(opt.name)
}

type sized struct{ w *bufio.Writer }

func (s *sized) WriteString(v string) (int, error) { return s.w.WriteString(v) }

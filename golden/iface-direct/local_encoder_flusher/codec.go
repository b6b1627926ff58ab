// Package codec writes RPC values one per line.
package codec

import (
	"bufio"
	"fmt"
	"io"
)

// Encoder writes one value.
type Encoder interface {
	Encode(w io.Writer, v any) error
}

// Flusher is implemented by encoders that buffer.
type Flusher interface {
	Flush() error
}

type lineCodec struct{ sep byte }

func (c *lineCodec) Encode(w io.Writer, v any) error {
	_, err := fmt.Fprintf(w, "%v%c", v, c.sep)
	return err
}

// EncodeLines encodes values one per line, flushing the encoder if it buffers, else the writer.
func EncodeLines(w io.Writer, vals []string) error {
	bw := bufio.NewWriter(w)
	lc := lineCodec{sep: '\n'} // want "moved to heap: lc"
	var enc Encoder = &lc
	for _, v := range vals {
		if err := enc.Encode(bw, v); err != nil {
			return err
		}
	}
	if f, ok := enc.(Flusher); ok {
		return f.Flush()
	}
	return bw.Flush()
}

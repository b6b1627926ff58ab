// Package frame writes framed messages: a header and a body, each able to write itself.
package frame

import "io"

var kinds = [...][]byte{{'D', 0}, {'C', 0}}

type header struct{ kind byte }

func (h *header) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(kinds[h.kind&1])
	return int64(n), err
}

type body struct{ size int }

func (b *body) WriteTo(w io.Writer) (int64, error) { return int64(b.size), nil }

// WriteHeader writes the header of a frame of kind k to w and says how many parts the frame has.
func WriteHeader(w io.Writer, k byte, size int) (int, error) {
	h := header{kind: k}  // want "moved to heap: h"
	b := body{size: size} // want "moved to heap: b"
	parts := []any{&h, &b}
	if _, err := parts[0].(io.WriterTo).WriteTo(w); err != nil {
		return 0, err
	}
	return len(parts), nil
}

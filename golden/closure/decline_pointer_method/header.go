// Package header writes the same preamble to several outputs concurrently.
package header

import (
	"bytes"
	"fmt"
	"io"
)

// WriteAll writes a preamble followed by body to every writer. buf is a
// bytes.Buffer value: WriteString and Bytes have pointer receivers, so buf's
// address is taken and a copy of it is not the same program.
func WriteAll(ws []io.Writer, title string, body []byte) <-chan error {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "address of buf is taken"
	fmt.Fprintf(&buf, "# %s\n", title)
	buf.WriteString("# generated, do not edit\n")
	errs := make(chan error, len(ws))
	for _, w := range ws {
		go func() { // want "func literal escapes to heap"
			if _, err := w.Write(buf.Bytes()); err != nil {
				errs <- err
				return
			}
			_, err := w.Write(body)
			errs <- err
		}()
	}
	return errs
}

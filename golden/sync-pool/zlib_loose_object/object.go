// Package looseobj stores git loose objects: the header "<type> <size>\x00" and the content,
// zlib-compressed together, written to the object file in one Write.
package looseobj

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// Write compresses the object into a buffer first, so a failed compression leaves w untouched;
// the zlib writer is closed before the buffer is read and dies with the call.
func Write(w io.Writer, kind string, content []byte) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	zw := zlib.NewWriter(&buf)
	fmt.Fprintf(zw, "%s %d\x00", kind, len(content))
	if _, err := zw.Write(content); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

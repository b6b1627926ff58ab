// Package frame writes length-prefixed frames: the body is rendered first so its length is known.
package frame

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// WriteFrame writes a 4-byte big-endian length, then the key=value body.
func WriteFrame(w io.Writer, kind string, fields map[string]int) error {
	body := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(body, "kind=%s", kind)
	for _, k := range []string{"id", "seq", "ttl"} {
		if v, ok := fields[k]; ok {
			fmt.Fprintf(body, " %s=%d", k, v)
		}
	}
	var size [4]byte
	binary.BigEndian.PutUint32(size[:], uint32(body.Len()))
	if _, err := w.Write(size[:]); err != nil {
		return err
	}
	_, err := body.WriteTo(w)
	return err
}

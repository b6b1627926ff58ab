// Package block stores records as deflate-compressed blocks behind a small header.
package block

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
)

// Encode compresses data at the given level and returns the block: the raw length, then the
// compressed bytes. The flate writer is closed before the buffer is read and dies with the call.
func Encode(dst, data []byte, level int) ([]byte, error) {
	var buf bytes.Buffer // want "moved to heap: buf"
	fw, err := flate.NewWriter(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	dst = binary.AppendUvarint(dst, uint64(len(data)))
	return append(dst, buf.Bytes()...), nil
}

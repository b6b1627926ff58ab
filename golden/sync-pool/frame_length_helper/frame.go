// Package frame writes RPC messages as length-prefixed frames.
package frame

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"io"
)

// writeFrame writes p with a 4-byte big-endian length prefix.
func writeFrame(w io.Writer, p []byte) error {
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(p)))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(p)
	return err
}

// Call is one RPC request.
type Call struct {
	Method string `json:"method"`
	Seq    uint64 `json:"seq"`
}

// Send encodes the call as JSON and writes it as one frame.
func Send(w io.Writer, c Call) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	if err := json.NewEncoder(&buf).Encode(c); err != nil {
		return err
	}
	return writeFrame(w, buf.Bytes())
}

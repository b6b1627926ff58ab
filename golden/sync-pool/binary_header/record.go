// Package record writes framed records to a shared connection: a fixed binary header, then the
// payload, in one Write, so two writers never interleave one's header with the other's payload.
package record

import (
	"bytes"
	"encoding/binary"
	"io"
)

// Header precedes every payload on the wire, big-endian.
type Header struct {
	Kind   uint8
	Flags  uint8
	Length uint32
}

// WriteRecord writes the header for the payload and the payload itself to w in one Write.
func WriteRecord(w io.Writer, kind uint8, payload []byte) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	h := Header{Kind: kind, Length: uint32(len(payload))}
	if err := binary.Write(&buf, binary.BigEndian, h); err != nil {
		return err
	}
	buf.Write(payload)
	_, err := w.Write(buf.Bytes())
	return err
}

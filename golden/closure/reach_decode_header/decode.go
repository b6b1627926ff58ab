// Package decode splits a framed stream into chunks and checks them in parallel.
package decode

import (
	"encoding/binary"
	"errors"
)

// Header opens every stream.
type Header struct {
	Version uint16
	Chunk   uint32
}

// readHeader fills h from the first six bytes of b.
func readHeader(b []byte, h *Header) error {
	if len(b) < 6 {
		return errors.New("short header")
	}
	h.Version = binary.BigEndian.Uint16(b)
	h.Chunk = binary.BigEndian.Uint32(b[2:])
	return nil
}

// Check verifies every chunk of the stream concurrently; results holds one verdict per chunk.
func Check(stream []byte, verify func(h Header, chunk []byte) bool, results chan<- bool) (int, error) {
	var hdr Header // want "moved to heap: hdr"
	if err := readHeader(stream, &hdr); err != nil {
		return 0, err
	}
	if hdr.Chunk == 0 {
		return 0, errors.New("zero chunk size")
	}
	n := 0
	for body := stream[6:]; len(body) > 0; n++ {
		chunk := body[:min(int(hdr.Chunk), len(body))]
		body = body[len(chunk):]
		go func() { results <- verify(hdr, chunk) }() // want "func literal escapes to heap"
	}
	return n, nil
}

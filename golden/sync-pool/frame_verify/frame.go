// Package frame reads checksummed frames off a stream: an 8-byte header (the body's length and its
// CRC-32), then the body, read into one 4 KiB buffer.
package frame

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

var (
	ErrTooLarge = errors.New("frame: body larger than 4 KiB")
	ErrChecksum = errors.New("frame: checksum mismatch")
)

// ReadFrame reads one frame from r and returns its body, checked against its CRC-32.
func ReadFrame(r io.Reader) (string, error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return "", err
	}
	n, want := binary.BigEndian.Uint32(head[:4]), binary.BigEndian.Uint32(head[4:])
	buf := make([]byte, 4096) // want "make\\(\\[\\]byte, 4096\\) escapes to heap"
	if n > uint32(len(buf)) {
		return "", ErrTooLarge
	}
	body := buf[:n]
	if _, err := io.ReadFull(r, body); err != nil {
		return "", err
	}
	if crc32.ChecksumIEEE(body) != want {
		return "", ErrChecksum
	}
	return string(body), nil
}

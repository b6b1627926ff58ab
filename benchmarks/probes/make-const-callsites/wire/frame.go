// Package wire reads and writes length-prefixed frames; the exported functions check the lengths,
// the unexported helpers move the bytes.
package wire

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

const (
	maxFrame  = 16 << 10
	maxBody   = 4096
	maxHeader = 40
)

var errTooLarge = errors.New("wire: frame too large")

// ReadFrame reads one frame: a 4-byte length, then the payload, and returns its checksum.
func ReadFrame(r io.Reader) (uint32, error) {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, err
	}
	n := binary.BigEndian.Uint32(h[:])
	if n > maxFrame {
		return 0, errTooLarge
	}
	return readPayload(r, n)
}

// readPayload reads n bytes and sums them: every call bounds n by maxFrame.
func readPayload(r io.Reader, n uint32) (uint32, error) {
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		return 0, err
	}
	return crc32.ChecksumIEEE(buf), nil
}

// Relay copies a body of the given size from r to w.
func Relay(w io.Writer, r io.Reader, size int) error {
	if size < 0 || size > maxBody {
		return errTooLarge
	}
	return relayBody(w, r, size)
}

// relayBody copies size bytes through one buffer: every call bounds size by maxBody.
func relayBody(w io.Writer, r io.Reader, size int) error {
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return err
	}
	_, err := w.Write(buf)
	return err
}

// Skip discards a frame's payload of n bytes after checking it.
func Skip(r io.Reader, n int) error {
	if n > maxFrame || n < 0 {
		return errTooLarge
	}
	return discard(r, n)
}

// discard reads n bytes through drain: bounded one call up.
func discard(r io.Reader, n int) error {
	return drain(r, n)
}

// drain reads and drops n bytes.
func drain(r io.Reader, n int) error {
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return err
}

// Header writes a frame header of a short name and its length.
func Header(w io.Writer, name string, n uint32) error {
	if len(name) > maxHeader {
		return errTooLarge
	}
	return writeHeader(w, name, n)
}

// writeHeader writes name then n: every call bounds len(name) by maxHeader.
func writeHeader(w io.Writer, name string, n uint32) error {
	b := make([]byte, len(name)+4)
	copy(b, name)
	binary.BigEndian.PutUint32(b[len(name):], n)
	_, err := w.Write(b)
	return err
}

// Stream reads a frame of any length the peer sends: no check before the helper.
func Stream(r io.Reader, n int) error {
	return drainAll(r, n)
}

// drainAll reads and drops n bytes; its one caller does not bound n.
func drainAll(r io.Reader, n int) error {
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return err
}

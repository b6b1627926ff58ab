// Package frame reads and writes the wire format's frames: a fixed header, then fields.
package frame

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"

	"example.com/wire/limits"
)

var (
	errShort    = errors.New("frame: short buffer")
	errTooLarge = errors.New("frame: field too large")
	errVersion  = errors.New("frame: unknown version")
)

const maxPayload = 512

// Header is a frame's fixed part.
type Header struct {
	Version uint8
	Kind    uint8
	Fields  uint8
	KeyLen  uint8
	Length  uint32
	Sum     uint32
}

// ParseHeader decodes the fixed header at the front of b.
func ParseHeader(b []byte) (Header, error) {
	if len(b) < limits.HeaderLen {
		return Header{}, errShort
	}
	h := Header{
		Version: b[0],
		Kind:    b[1],
		Fields:  b[2],
		KeyLen:  b[3],
		Length:  binary.BigEndian.Uint32(b[4:8]),
		Sum:     binary.BigEndian.Uint32(b[8:12]),
	}
	if h.Version == 0 || h.Version > 3 {
		return Header{}, errVersion
	}
	return h, nil
}

// Key copies the record key out of a frame body; it returns the key's checksum.
func Key(h Header, body []byte) (uint32, error) {
	if int(h.KeyLen) > len(body) {
		return 0, errShort
	}
	key := make([]byte, h.KeyLen)
	copy(key, body)
	return crc32.ChecksumIEEE(key), nil
}

// Offsets reads the per-field offset table that follows the header.
func Offsets(h Header, body []byte) (int, error) {
	if h.Fields > limits.MaxFields {
		return 0, errTooLarge
	}
	offs := make([]uint16, h.Fields)
	if len(body) < 2*len(offs) {
		return 0, errShort
	}
	for i := range offs {
		offs[i] = binary.LittleEndian.Uint16(body[2*i:])
	}
	last := 0
	for _, o := range offs {
		if int(o) < last {
			return 0, errTooLarge
		}
		last = int(o)
	}
	return last, nil
}

// Verify checks the payload's CRC against the header, reading it from r.
func Verify(h Header, r io.Reader) error {
	if h.Length > maxPayload {
		return errTooLarge
	}
	payload := make([]byte, h.Length)
	if _, err := io.ReadFull(r, payload); err != nil {
		return err
	}
	if crc32.ChecksumIEEE(payload) != h.Sum {
		return errors.New("frame: checksum mismatch")
	}
	return nil
}

// Body reads a payload and keeps it: the caller owns the result.
func Body(h Header, r io.Reader) ([]byte, error) {
	if h.Length > maxPayload {
		return nil, errTooLarge
	}
	payload := make([]byte, h.Length)
	if _, err := io.ReadFull(r, payload); err != nil {
		return nil, err
	}
	return payload, nil
}

// Encode writes a header for a payload and returns the bytes written to w.
func Encode(w io.Writer, kind uint8, payload []byte) (int, error) {
	if len(payload) > maxPayload {
		return 0, errTooLarge
	}
	buf := make([]byte, limits.HeaderLen+len(payload))
	buf[0], buf[1] = 1, kind
	binary.BigEndian.PutUint32(buf[4:8], uint32(len(payload)))
	binary.BigEndian.PutUint32(buf[8:12], crc32.ChecksumIEEE(payload))
	copy(buf[limits.HeaderLen:], payload)
	return w.Write(buf)
}

// Trailer returns the digest trailer's checksum; the version decides its width.
func Trailer(h Header, b []byte) (uint32, error) {
	var width limits.Width
	switch h.Version {
	case 1:
		width = limits.TagWidth
	case 2, 3:
		width = limits.DigestWidth
	default:
		return 0, errVersion
	}
	if len(b) < int(width) {
		return 0, errShort
	}
	tr := make([]byte, width)
	copy(tr, b[len(b)-int(width):])
	return crc32.ChecksumIEEE(tr), nil
}

// Package record routes the records of a key-value replication stream: a 6-byte header (an
// operation byte, a flags byte, then the key's and the value's lengths, big-endian 16 bits
// each), then the key and the value.
package record

import (
	"encoding/binary"
	"errors"
)

const (
	headerSize = 6
	maxKey     = 128 // the protocol's limit on a key; a value may be up to 64 KiB
)

// Header is a record's fixed part.
type Header struct {
	Op     uint8
	Flags  uint8
	KeyLen uint16
	ValLen uint16
}

var (
	errShort = errors.New("record: record runs past the message")
	errKey   = errors.New("record: key longer than 128 bytes")
	errRoute = errors.New("record: no route for the key")
)

func parseHeader(msg []byte) Header {
	return Header{
		Op:     msg[0],
		Flags:  msg[1],
		KeyLen: binary.BigEndian.Uint16(msg[2:]),
		ValLen: binary.BigEndian.Uint16(msg[4:]),
	}
}

// Route decodes the header of the record at the start of msg and looks its key up in routes,
// case-insensitively (routes holds lower-case keys). It returns the key's route and the record's
// length on the wire. The header's KeyLen is checked against maxKey, so the lower-cased copy of
// the key fits a 128-byte stack array whatever the stream says.
func Route(msg []byte, routes map[string]int) (int, int, error) {
	if len(msg) < headerSize {
		return 0, 0, errShort
	}
	h := parseHeader(msg)
	if h.KeyLen > maxKey {
		return 0, 0, errKey
	}
	size := headerSize + int(h.KeyLen) + int(h.ValLen)
	if len(msg) < size {
		return 0, 0, errShort
	}
	key := make([]byte, h.KeyLen) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	copy(key, msg[headerSize:])
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			key[i] = c + 'a' - 'A'
		}
	}
	route, ok := routes[string(key)]
	if !ok {
		return 0, 0, errRoute
	}
	return route, size, nil
}

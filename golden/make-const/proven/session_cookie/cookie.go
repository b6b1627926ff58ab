// Package cookie reads the session an edge proxy keeps in a cookie: unpadded URL-safe base64 of a fixed
// header (user, expiry, flags) and the roles granted, one byte each.
package cookie

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// maxSession is the most bytes a session decodes to; a longer cookie is refused before it is decoded.
const maxSession = 256

// headerLen is the user ID and the expiry, 8 bytes each, and 2 bytes of flags.
const headerLen = 18

var (
	errTooLarge = errors.New("cookie: session too large")
	errShort    = errors.New("cookie: session too short")
)

// Session is what the cookie says of the client.
type Session struct {
	User    uint64
	Expires int64
	Flags   uint16
	Roles   uint64 // bit r set for each role byte r below 64
}

// Parse decodes the cookie's value and reads the session out of it.
func Parse(value string) (Session, error) {
	if base64.RawURLEncoding.DecodedLen(len(value)) > maxSession {
		return Session{}, errTooLarge
	}
	raw := make([]byte, base64.RawURLEncoding.DecodedLen(len(value))) // want(<go1.25) "make\\(\\[\\]byte, ~r0\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, ~r0\\) does not escape"
	n, err := base64.RawURLEncoding.Decode(raw, []byte(value))
	if err != nil {
		return Session{}, err
	}
	raw = raw[:n]
	if len(raw) < headerLen {
		return Session{}, errShort
	}
	s := Session{
		User:    binary.BigEndian.Uint64(raw),
		Expires: int64(binary.BigEndian.Uint64(raw[8:])),
		Flags:   binary.BigEndian.Uint16(raw[16:]),
	}
	for _, r := range raw[headerLen:] {
		if r < 64 {
			s.Roles |= 1 << r
		}
	}
	return s, nil
}

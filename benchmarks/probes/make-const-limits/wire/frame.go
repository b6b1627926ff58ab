// Package wire reads the framed messages of an internal RPC protocol: a 4-byte big-endian length,
// a 1-byte type, then the payload. Limits are package variables so a build can tune them in one place.
package wire

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"unicode/utf8"
)

var (
	maxFrame   = 1 << 16
	maxTopic   = 200
	maxHeaders = 32
	maxKey     = 255
	frameSlack = 8
)

var (
	errTooBig  = errors.New("wire: frame too big")
	errShort   = errors.New("wire: short frame")
	errBadUTF8 = errors.New("wire: topic is not utf-8")
)

// Checksum copies a frame's payload out of the shared receive ring and checksums it.
func Checksum(ring []byte, off, n int) (uint32, error) {
	if n < 0 || n > maxFrame {
		return 0, errTooBig
	}
	if off < 0 || off+n > len(ring) {
		return 0, errShort
	}
	payload := make([]byte, n)
	copy(payload, ring[off:off+n])
	return crc32.ChecksumIEEE(payload), nil
}

// Topic decodes a length-prefixed topic name and returns it as a string.
func Topic(b []byte) (string, error) {
	if len(b) < 1 {
		return "", errShort
	}
	n := int(b[0])
	if n > maxTopic {
		return "", errTooBig
	}
	if len(b) < 1+n {
		return "", errShort
	}
	name := make([]byte, n)
	copy(name, b[1:])
	if !utf8.Valid(name) {
		return "", errBadUTF8
	}
	return string(name), nil
}

// HeaderOffsets records where each header of a frame starts.
func HeaderOffsets(b []byte) (int, error) {
	if len(b) < 2 {
		return 0, errShort
	}
	count := int(binary.BigEndian.Uint16(b))
	if count > maxHeaders {
		return 0, errTooBig
	}
	offs := make([]int, count)
	pos := 2
	for i := range offs {
		if pos >= len(b) {
			return 0, errShort
		}
		offs[i] = pos
		pos += 1 + int(b[pos])
	}
	last := 0
	for _, o := range offs {
		last = o
	}
	return last, nil
}

// KeyHash hashes a routing key that the sender lower-cases in place.
func KeyHash(key []byte) uint32 {
	if len(key) > maxKey {
		key = key[:maxKey]
	}
	lower := make([]byte, len(key))
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return crc32.ChecksumIEEE(lower)
}

// PaddedLen pads a frame with its slack, rejecting anything that would outgrow the limit.
func PaddedLen(body []byte) (int, error) {
	n := len(body) + frameSlack
	if n > maxFrame {
		return 0, errTooBig
	}
	out := make([]byte, n)
	copy(out, body)
	return len(out), nil
}

// Trailer reads the trailing checksum block whose size the peer announces, limited by maxFrame/64.
func Trailer(b []byte, n int) (uint32, error) {
	if n <= 0 || n > maxFrame/64 {
		return 0, errTooBig
	}
	if len(b) < n {
		return 0, errShort
	}
	t := make([]byte, n)
	copy(t, b[len(b)-n:])
	return crc32.ChecksumIEEE(t), nil
}

// Echo is the ping frame body; its length limit is read from the same table as every frame.
func Echo(b []byte) (int, error) {
	if len(b) > maxFrame {
		return 0, errTooBig
	}
	dup := make([]byte, len(b))
	copy(dup, b)
	sum := 0
	for _, c := range dup {
		sum += int(c)
	}
	return sum, nil
}

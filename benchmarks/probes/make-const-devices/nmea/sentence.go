// Package nmea parses and builds the NMEA 0183 sentences of the gateway's GNSS receiver.
package nmea

import (
	"errors"
	"strconv"
	"strings"

	"example.com/probes/make-const-devices/limits"
)

const (
	MaxSentence = limits.NMEAMaxSentence
	maxFields   = 40
	trailer     = len("*hh\r\n")
)

var (
	ErrLength   = errors.New("nmea: sentence too long")
	ErrChecksum = errors.New("nmea: bad checksum")
	ErrFormat   = errors.New("nmea: malformed sentence")
)

// checksum is the XOR of the bytes between "$" and "*".
func checksum(s string) byte {
	var x byte
	for i := 0; i < len(s); i++ {
		x ^= s[i]
	}
	return x
}

// Verify checks a sentence's framing and checksum.
func Verify(line string) (string, error) {
	if len(line) > MaxSentence {
		return "", ErrLength
	}
	line = strings.TrimRight(line, "\r\n")
	star := strings.LastIndexByte(line, '*')
	if len(line) < 1 || line[0] != '$' || star < 0 || star+3 != len(line) {
		return "", ErrFormat
	}
	want, err := strconv.ParseUint(line[star+1:], 16, 8)
	if err != nil || byte(want) != checksum(line[1:star]) {
		return "", ErrChecksum
	}
	return line[1:star], nil
}

// Fields splits a verified body into its fields and returns the field count and the talker's type.
func Fields(body string) (int, string) {
	if len(body) > MaxSentence {
		return 0, ""
	}
	fields := make([]string, 0, strings.Count(body, ",")+1)
	for len(body) > 0 {
		i := strings.IndexByte(body, ',')
		if i < 0 {
			fields = append(fields, body)
			break
		}
		fields = append(fields, body[:i])
		body = body[i+1:]
	}
	if len(fields) == 0 || len(fields[0]) < 3 {
		return len(fields), ""
	}
	return len(fields), fields[0][2:]
}

// Normalize upper-cases a sentence for the dedup map (some receivers send lower-case hex).
func Normalize(line string) (string, error) {
	if len(line) > MaxSentence {
		return "", ErrLength
	}
	up := make([]byte, len(line))
	for i := 0; i < len(line); i++ {
		c := line[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		up[i] = c
	}
	return string(up), nil
}

// AppendSentence appends "$" + body + "*hh\r\n".
func AppendSentence(dst []byte, body string) ([]byte, error) {
	n := 1 + len(body) + trailer
	if n > MaxSentence {
		return dst, ErrLength
	}
	s := make([]byte, 0, n)
	s = append(s, '$')
	s = append(s, body...)
	s = append(s, '*')
	s = strconv.AppendUint(s, uint64(checksum(body))>>4, 16)
	s = strconv.AppendUint(s, uint64(checksum(body))&0x0f, 16)
	s = append(s, '\r', '\n')
	return append(dst, strings.ToUpper(string(s))...), nil
}

// FieldOffsets records where each field of a body starts, for a parser that reads fields lazily.
func FieldOffsets(body string, want int) int {
	if want > maxFields {
		want = maxFields
	}
	offs := make([]int, want)
	n := 0
	for i := 0; i < len(body) && n < want; i++ {
		if body[i] == ',' {
			offs[n] = i + 1
			n++
		}
	}
	last := 0
	for _, o := range offs[:n] {
		last = max(last, o)
	}
	return last
}

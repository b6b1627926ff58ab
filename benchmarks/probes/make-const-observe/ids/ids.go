// Package ids formats and parses trace, span and request identifiers.
package ids

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// TraceID is a W3C trace-context trace id.
type TraceID [16]byte

// SpanID is a W3C trace-context span id.
type SpanID [8]byte

var (
	errHeader = errors.New("ids: malformed traceparent")
	errUUID   = errors.New("ids: malformed uuid")
)

// String is the 32-digit lower-case hex form.
func (t TraceID) String() string {
	buf := make([]byte, hex.EncodedLen(len(t)))
	hex.Encode(buf, t[:])
	return string(buf)
}

// Traceparent is the W3C traceparent header value for a span.
func Traceparent(t TraceID, s SpanID, sampled bool) string {
	n := len("00-") + hex.EncodedLen(len(t)) + 1 + hex.EncodedLen(len(s)) + len("-01")
	buf := make([]byte, 0, n)
	buf = append(buf, "00-"...)
	buf = hex.AppendEncode(buf, t[:])
	buf = append(buf, '-')
	buf = hex.AppendEncode(buf, s[:])
	if sampled {
		buf = append(buf, "-01"...)
	} else {
		buf = append(buf, "-00"...)
	}
	return string(buf)
}

// ParseTraceparent reads a version-00 traceparent header.
func ParseTraceparent(h string) (TraceID, SpanID, bool, error) {
	var t TraceID
	var s SpanID
	h = strings.TrimSpace(h)
	if len(h) != 55 || h[2] != '-' || h[35] != '-' || h[52] != '-' {
		return t, s, false, errHeader
	}
	raw := make([]byte, hex.DecodedLen(len(h)-3))
	if _, err := hex.Decode(raw[:16], []byte(h[3:35])); err != nil {
		return t, s, false, errHeader
	}
	if _, err := hex.Decode(raw[16:24], []byte(h[36:52])); err != nil {
		return t, s, false, errHeader
	}
	copy(t[:], raw[:16])
	copy(s[:], raw[16:24])
	return t, s, h[54] == '1', nil
}

// NormalizeUUID lower-cases a UUID and puts its dashes back where they belong.
func NormalizeUUID(s string) (string, error) {
	s = strings.TrimPrefix(s, "urn:uuid:")
	s = strings.Trim(s, "{}")
	if len(s) != 32 && len(s) != 36 {
		return "", errUUID
	}
	digits := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			continue
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f':
			digits = append(digits, c)
		case 'A' <= c && c <= 'F':
			digits = append(digits, c+'a'-'A')
		default:
			return "", errUUID
		}
	}
	if len(digits) != 32 {
		return "", errUUID
	}
	return string(digits[0:8]) + "-" + string(digits[8:12]) + "-" + string(digits[12:16]) + "-" +
		string(digits[16:20]) + "-" + string(digits[20:]), nil
}

// RequestID joins a service name and a span id: "checkout/00f067aa0ba902b7".
func RequestID(service string, s SpanID) string {
	if len(service) > 48 {
		service = service[:48]
	}
	b := make([]byte, 0, len(service)+1+hex.EncodedLen(len(s)))
	b = append(b, service...)
	b = append(b, '/')
	b = hex.AppendEncode(b, s[:])
	return string(b)
}

// Exemplar renders a trace id for an exemplar comment in the exposition format.
func Exemplar(t TraceID, value float64) string {
	buf := make([]byte, hex.EncodedLen(len(t)))
	hex.Encode(buf, t[:])
	return fmt.Sprintf("# {trace_id=%q} %g", buf, value)
}

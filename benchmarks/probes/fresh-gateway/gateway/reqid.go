package gateway

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"sync/atomic"

	"example.com/freshgw/limits"
)

var idCounter atomic.Uint64

// newRequestID returns a random hex request id.
func newRequestID() string {
	raw := make([]byte, limits.RequestIDBytes)
	if _, err := rand.Read(raw); err != nil {
		binary.BigEndian.PutUint64(raw, idCounter.Add(1))
	}
	return hex.EncodeToString(raw)
}

// sequentialID returns "<prefix>-<counter>" with the counter in base 36.
func sequentialID(prefix string) string {
	if len(prefix) > 16 {
		prefix = prefix[:16]
	}
	b := make([]byte, 0, len(prefix)+1+13)
	b = append(b, prefix...)
	b = append(b, '-')
	b = strconv.AppendUint(b, idCounter.Add(1), 36)
	return string(b)
}

// validID reports whether an incoming X-Request-Id is well-formed hex of the expected size.
func validID(id string) bool {
	if len(id) != hex.EncodedLen(limits.RequestIDBytes) {
		return false
	}
	dst := make([]byte, hex.DecodedLen(len(id)))
	_, err := hex.Decode(dst, []byte(id))
	return err == nil
}

// traceParent builds a W3C traceparent header from a request id.
func traceParent(id string, sampled bool) string {
	var flags byte
	if sampled {
		flags = 1
	}
	buf := make([]byte, 0, 55)
	buf = append(buf, "00-"...)
	buf = append(buf, id...)
	for i := len(id); i < 32; i++ {
		buf = append(buf, '0')
	}
	buf = append(buf, "-0000000000000000-0"...)
	buf = append(buf, "0123456789abcdef"[flags])
	return string(buf)
}

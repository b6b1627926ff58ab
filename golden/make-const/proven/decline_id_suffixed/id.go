// Package reqid formats request identifiers for log lines, with a caller's suffix.
package reqid

import (
	"encoding/binary"
	"encoding/hex"
)

const idLen = 24

// Hex formats the identifier with the suffix appended: raw is no longer idLen long.
func Hex(ts, node, seq uint64, suffix []byte) string {
	raw := make([]byte, idLen)
	binary.BigEndian.PutUint64(raw, ts)
	binary.BigEndian.PutUint64(raw[8:], node)
	binary.BigEndian.PutUint64(raw[16:], seq)
	raw = append(raw, suffix...)
	out := make([]byte, hex.EncodedLen(len(raw))) // want(<go1.25) "make\\(\\[\\]byte, ~r0\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, ~r0\\) does not escape" // declined "speculative"
	hex.Encode(out, raw)
	return string(out)
}

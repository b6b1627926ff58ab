// Package reqid formats request identifiers for log lines.
package reqid

import (
	"encoding/binary"
	"encoding/hex"
)

// idLen is the raw identifier: a timestamp, a node and a counter, 8 bytes each.
const idLen = 24

// Hex formats the identifier of a request as 48 hex digits.
func Hex(ts, node, seq uint64) string {
	raw := make([]byte, idLen)
	binary.BigEndian.PutUint64(raw, ts)
	binary.BigEndian.PutUint64(raw[8:], node)
	binary.BigEndian.PutUint64(raw[16:], seq)
	out := make([]byte, hex.EncodedLen(len(raw))) // want(<go1.25) "make\\(\\[\\]byte, ~r0\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, ~r0\\) does not escape"
	hex.Encode(out, raw)
	return string(out)
}

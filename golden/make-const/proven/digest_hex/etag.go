// Package etag computes HTTP entity tags from response bodies.
package etag

import (
	"crypto/sha256"
	"encoding/hex"
)

// Of returns a strong entity tag: the quoted hex of the body's SHA-256. A digest is 32 bytes, so
// its hex is 64 for every body.
func Of(body []byte) string {
	sum := sha256.Sum256(body)
	tag := make([]byte, hex.EncodedLen(len(sum))) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	hex.Encode(tag, sum[:])
	return `"` + string(tag) + `"`
}

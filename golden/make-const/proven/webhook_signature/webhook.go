// Package webhook signs the deliveries a service posts to its subscribers: an X-Signature-256 header of
// "sha256=" and the hex HMAC-SHA256 of the body under the subscriber's secret.
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

const prefix = "sha256="

// Signature is the header value for body under secret.
func Signature(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	sum := mac.Sum(nil)
	header := make([]byte, len(prefix)+hex.EncodedLen(len(sum))) // want(<go1.25) "make\\(\\[\\]byte, 7 \\+ \\(~r0\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 7 \\+ \\(~r0\\)\\) does not escape"
	copy(header, prefix)
	hex.Encode(header[len(prefix):], sum)
	return string(header)
}

// Valid reports whether a delivery's header matches its body, in constant time.
func Valid(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(Signature(secret, body)), []byte(header))
}

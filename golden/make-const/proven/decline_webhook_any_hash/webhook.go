// Package webhook signs deliveries with the hash each subscriber chose: "sha256=" or "sha512=" and the hex
// HMAC of the body. The hash comes from the subscription: its Size is the caller's to pick.
package webhook

import (
	"crypto/hmac"
	"encoding/hex"
	"hash"
)

// Signature is the header value for body under secret, with the subscriber's hash and its label.
func Signature(label string, newHash func() hash.Hash, secret, body []byte) string {
	mac := hmac.New(newHash, secret)
	mac.Write(body)
	sum := mac.Sum(nil)
	header := make([]byte, hex.EncodedLen(len(sum))) // want(<go1.25) "make\\(\\[\\]byte, ~r0\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, ~r0\\) does not escape" // declined "speculative"
	hex.Encode(header, sum)
	return label + "=" + string(header)
}

// Package sign signs and verifies HTTP requests with HMAC-SHA256.
package sign

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"hash"
	"strconv"
)

const (
	maxMethod = 16
	maxPath   = 512
	maxKeyID  = 64
)

var errTooLong = errors.New("sign: field too long")

// canonical builds the string to sign: method, path and timestamp on lines.
func canonical(method, path string, ts int64) ([]byte, error) {
	if len(method) > maxMethod || len(path) > maxPath {
		return nil, errTooLong
	}
	msg := make([]byte, 0, len(method)+1+len(path)+1+20)
	msg = append(msg, method...)
	msg = append(msg, '\n')
	msg = append(msg, path...)
	msg = append(msg, '\n')
	msg = strconv.AppendInt(msg, ts, 10)
	return msg, nil
}

// Sign returns the hex HMAC-SHA256 of the request's canonical form.
func Sign(key []byte, method, path string, ts int64) (string, error) {
	if len(method) > maxMethod || len(path) > maxPath {
		return "", errTooLong
	}
	msg := make([]byte, 0, len(method)+1+len(path)+1+20)
	msg = append(msg, method...)
	msg = append(msg, '\n')
	msg = append(msg, path...)
	msg = append(msg, '\n')
	msg = strconv.AppendInt(msg, ts, 10)
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return hex.EncodeToString(mac.Sum(nil)), nil
}

// Verify checks a hex signature against the request.
func Verify(key []byte, method, path string, ts int64, sig string) bool {
	if len(sig) != 2*sha256.Size {
		return false
	}
	want := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(want, []byte(sig)); err != nil {
		return false
	}
	msg, err := canonical(method, path, ts)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return hmac.Equal(mac.Sum(nil), want)
}

// Header formats the Signature header: keyId="…",sig="base64".
func Header(keyID string, sig []byte) (string, error) {
	if len(keyID) > maxKeyID || len(sig) != sha256.Size {
		return "", errTooLong
	}
	b := make([]byte, 0, len(`keyId="`)+len(keyID)+len(`",sig="`)+base64.StdEncoding.EncodedLen(len(sig))+1)
	b = append(b, `keyId="`...)
	b = append(b, keyID...)
	b = append(b, `",sig="`...)
	b = base64.StdEncoding.AppendEncode(b, sig)
	b = append(b, '"')
	return string(b), nil
}

// TagHex returns the hex HMAC-SHA256 tag of msg.
func TagHex(key, msg []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return string(out)
}

// Tag returns the unpadded base64url HMAC tag, summed into a buffer of the MAC's size.
func Tag(key, msg []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	tag := make([]byte, 0, mac.Size())
	tag = mac.Sum(tag)
	return base64.RawURLEncoding.EncodeToString(tag)
}

// Digest hashes body with whatever hash the caller picked and hex-encodes it.
func Digest(h hash.Hash, body []byte) string {
	h.Reset()
	h.Write(body)
	out := make([]byte, 2*h.Size())
	hex.Encode(out, h.Sum(nil))
	return string(out)
}

// ShortHash returns the first n bytes of body's SHA-256 in hex, the whole sum when n is out of range.
func ShortHash(body []byte, n int) string {
	h := sha256.New()
	h.Write(body)
	if n <= 0 || n > h.Size() {
		n = h.Size()
	}
	sum := h.Sum(nil)
	out := make([]byte, hex.EncodedLen(n))
	hex.Encode(out, sum[:n])
	return string(out)
}

// ContentDigest formats a Content-Digest header value: sha-256=:base64:.
func ContentDigest(body []byte) string {
	sum := sha256.Sum256(body)
	b := make([]byte, 0, len("sha-256=:")+base64.StdEncoding.EncodedLen(len(sum))+1)
	b = append(b, "sha-256=:"...)
	b = base64.StdEncoding.AppendEncode(b, sum[:])
	b = append(b, ':')
	return string(b)
}

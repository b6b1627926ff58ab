package token

import (
	"crypto/hmac"
	"crypto/sha512"
	"strings"
)

// Version is a token format version.
type Version int

const (
	V1 Version = 1 + iota
	V2
	V3
	V4
)

// nonceSize is the nonce length of each version's local tokens.
var nonceSize = [...]int{V1: 32, V2: 24, V3: 32, V4: 32}

// headers are each version's local-token prefixes.
var headers = [...]string{V1: "v1.local.", V2: "v2.local.", V3: "v3.local.", V4: "v4.local."}

func macSize(v Version) int {
	switch v {
	case V1, V3:
		return 48
	case V2:
		return 0
	case V4:
		return 32
	}
	return -1
}

// KID returns the kid of a base64url footer, or "" when it has none.
func KID(footer string) (string, error) {
	if len(footer) > maxFooter {
		return "", errMalformed
	}
	raw := make([]byte, b64.DecodedLen(len(footer)))
	n, err := b64.Decode(raw, []byte(footer))
	if err != nil {
		return "", err
	}
	s := string(raw[:n])
	if i := strings.Index(s, `"kid":"`); i >= 0 {
		s = s[i+7:]
		if j := strings.IndexByte(s, '"'); j >= 0 {
			return s[:j], nil
		}
	}
	return "", nil
}

// Nonce derives a version's nonce from a message and random bytes.
func Nonce(v Version, msg, random []byte) ([]byte, error) {
	if v < V1 || v > V4 {
		return nil, errMalformed
	}
	mac := hmac.New(sha512.New384, random)
	mac.Write(msg)
	sum := mac.Sum(nil)
	n := make([]byte, nonceSize[v])
	copy(n, sum)
	return n, nil
}

// Preamble writes a local token's header and nonce, base64url, and reports the length.
func Preamble(v Version, nonce []byte) (int, error) {
	if v < V1 || v > V4 || len(nonce) != nonceSize[v] {
		return 0, errMalformed
	}
	h := headers[v]
	out := make([]byte, 0, len(h)+b64.EncodedLen(len(nonce)))
	out = append(out, h...)
	out = b64.AppendEncode(out, nonce)
	return len(out), nil
}

// TagBuffer returns the tag length a version expects, checked by an empty tag buffer.
func TagBuffer(v Version, tag []byte) bool {
	size := macSize(v)
	if size < 0 {
		return false
	}
	want := make([]byte, size)
	copy(want, tag)
	return hmac.Equal(want, tag)
}

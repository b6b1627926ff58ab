package edge

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// Session IDs are 16 random bytes; CSRF tokens 24; API keys 20.
const (
	sessionIDLen = 16
	csrfLen      = 24
	apiKeyLen    = 20
)

var errToken = errors.New("edge: malformed token")

// NewSessionID returns a fresh session ID as 32 hex digits.
func NewSessionID() string {
	var raw [sessionIDLen]byte
	_, _ = rand.Read(raw[:])
	dst := make([]byte, hex.EncodedLen(len(raw)))
	hex.Encode(dst, raw[:])
	return string(dst)
}

// ParseSessionID checks a session cookie's value and decodes it into id.
func ParseSessionID(s string, id *[sessionIDLen]byte) error {
	if hex.DecodedLen(len(s)) != sessionIDLen {
		return errToken
	}
	raw := make([]byte, hex.DecodedLen(len(s)))
	if _, err := hex.Decode(raw, []byte(s)); err != nil {
		return errToken
	}
	copy(id[:], raw)
	return nil
}

// CSRFToken encodes a CSRF token for a form field (URL-safe base64, no padding).
func CSRFToken(raw *[csrfLen]byte) string {
	buf := make([]byte, base64.RawURLEncoding.EncodedLen(csrfLen))
	base64.RawURLEncoding.Encode(buf, raw[:])
	return string(buf)
}

// CheckCSRF decodes a submitted token and compares it with the expected one in constant time.
func CheckCSRF(submitted string, want *[csrfLen]byte) bool {
	if len(submitted) != base64.RawURLEncoding.EncodedLen(csrfLen) {
		return false
	}
	got := make([]byte, base64.RawURLEncoding.DecodedLen(len(submitted)))
	n, err := base64.RawURLEncoding.Decode(got, []byte(submitted))
	if err != nil {
		return false
	}
	return hmac.Equal(got[:n], want[:])
}

// enc is the alphabet API keys are shown in: base32 without padding, lower case is accepted too.
var enc = base32.StdEncoding.WithPadding(base32.NoPadding)

// FormatAPIKey shows an API key as base32 in groups of four, for support tickets.
func FormatAPIKey(key *[apiKeyLen]byte) string {
	b32 := make([]byte, base32.StdEncoding.EncodedLen(apiKeyLen))
	base32.StdEncoding.Encode(b32, key[:])
	out := make([]byte, 0, len(b32)+len(b32)/4)
	for i, c := range b32 {
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, c)
	}
	return string(out)
}

// ParseAPIKey accepts the unpadded form from the CLI.
func ParseAPIKey(s string, key *[apiKeyLen]byte) error {
	s = strings.ToUpper(strings.ReplaceAll(s, "-", ""))
	if len(s) != enc.EncodedLen(apiKeyLen) {
		return errToken
	}
	raw := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(raw, []byte(s))
	if err != nil || n != apiKeyLen {
		return errToken
	}
	copy(key[:], raw)
	return nil
}

// SignCookie returns value|expiry|mac with the MAC in unpadded base64. The value is the caller's
// (bounded by the cookie jar to 256 bytes).
const maxCookieValue = 256

func SignCookie(key []byte, value string, exp time.Time) string {
	if len(value) > maxCookieValue {
		return ""
	}
	m := hmac.New(sha256.New, key)
	var ts [8]byte
	binary.BigEndian.PutUint64(ts[:], uint64(exp.Unix()))
	m.Write([]byte(value))
	m.Write(ts[:])
	var sum [sha256.Size]byte
	mac := m.Sum(sum[:0])
	enc := base64.RawStdEncoding
	out := make([]byte, 0, len(value)+1+hex.EncodedLen(len(ts))+1+enc.EncodedLen(len(mac)))
	out = append(out, value...)
	out = append(out, '|')
	out = hex.AppendEncode(out, ts[:])
	out = append(out, '|')
	out = enc.AppendEncode(out, mac)
	return string(out)
}

// DecodeBearer decodes a base64 bearer token of any length the client sent: nothing bounds it.
func DecodeBearer(h string) ([]byte, error) {
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return nil, errToken
	}
	raw := make([]byte, base64.StdEncoding.DecodedLen(len(tok)))
	n, err := base64.StdEncoding.Decode(raw, []byte(tok))
	if err != nil {
		return nil, err
	}
	return raw[:n], nil
}

// TokenDigest hashes a bearer token for the audit log (the token itself never goes there).
func TokenDigest(tok string) int {
	if len(tok) > 512 {
		tok = tok[:512]
	}
	b := make([]byte, base64.StdEncoding.DecodedLen(len(tok)))
	n, _ := base64.StdEncoding.Decode(b, []byte(tok))
	sum := sha256.Sum256(b[:n])
	return int(sum[0])
}

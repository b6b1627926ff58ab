// Package otp computes HOTP and TOTP codes (RFC 4226, RFC 6238).
package otp

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"hash"
	"net/url"
	"strconv"
	"time"
)

// Algorithm is the HMAC hash an authenticator uses.
type Algorithm uint8

const (
	SHA1 Algorithm = iota
	SHA256
	SHA512
)

var errSecret = errors.New("otp: bad secret")

func (a Algorithm) hash() func() hash.Hash {
	switch a {
	case SHA256:
		return sha256.New
	case SHA512:
		return sha512.New
	}
	return sha1.New
}

// digestSize is the HMAC output length of each algorithm.
func (a Algorithm) digestSize() int {
	switch a {
	case SHA256:
		return sha256.Size
	case SHA512:
		return sha512.Size
	}
	return sha1.Size
}

// HOTP returns the digits-long code for counter; digits outside 6..10 mean 6.
func HOTP(secret []byte, counter uint64, digits int) string {
	if digits < 6 || digits > 10 {
		digits = 6
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac := hmac.New(sha1.New, secret)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0xf
	v := binary.BigEndian.Uint32(sum[off:]) & 0x7fffffff
	code := make([]byte, digits)
	for i := digits - 1; i >= 0; i-- {
		code[i] = byte('0' + v%10)
		v /= 10
	}
	return string(code)
}

// HOTPWith is HOTP with the algorithm's hash, its sum read into a buffer sized for it.
func HOTPWith(alg Algorithm, secret []byte, counter uint64) string {
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac := hmac.New(alg.hash(), secret)
	mac.Write(msg[:])
	sum := make([]byte, 0, alg.digestSize())
	sum = mac.Sum(sum)
	off := sum[len(sum)-1] & 0xf
	v := binary.BigEndian.Uint32(sum[off:]) & 0x7fffffff
	return strconv.FormatUint(uint64(v%1000000), 10)
}

// Window returns the codes from skew steps before t to skew steps after, skew at most 3.
func Window(secret []byte, t time.Time, skew int) int {
	skew = min(max(skew, 0), 3)
	codes := make([]string, 0, 2*skew+1)
	step := uint64(t.Unix() / 30)
	for d := -skew; d <= skew; d++ {
		codes = append(codes, HOTP(secret, step+uint64(int64(d)), 6))
	}
	n := 0
	for _, c := range codes {
		if c != "" {
			n++
		}
	}
	return n
}

// DecodeSecret reads a base32 secret as authenticator apps show it, at most 128 characters.
func DecodeSecret(s string) ([]byte, error) {
	if len(s) > 128 {
		return nil, errSecret
	}
	key := make([]byte, base32.StdEncoding.WithPadding(base32.NoPadding).DecodedLen(len(s)))
	n, err := base32.StdEncoding.WithPadding(base32.NoPadding).Decode(key, []byte(s))
	if err != nil {
		return nil, err
	}
	return key[:n], nil
}

// CheckSecret reports whether s decodes to a secret of at least 10 bytes.
func CheckSecret(s string) bool {
	if len(s) > 128 {
		return false
	}
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	key := make([]byte, enc.DecodedLen(len(s)))
	n, err := enc.Decode(key, []byte(s))
	return err == nil && n >= 10
}

// FormatCode groups a code in threes: "123 456".
func FormatCode(code string) string {
	if len(code) > 10 {
		return code
	}
	out := make([]byte, 0, len(code)+len(code)/3)
	for i := 0; i < len(code); i++ {
		if i > 0 && (len(code)-i)%3 == 0 {
			out = append(out, ' ')
		}
		out = append(out, code[i])
	}
	return string(out)
}

// URI is the otpauth:// provisioning URI.
func URI(issuer, account string, secret []byte) string {
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret)
	b := make([]byte, 0, len("otpauth://totp/")+len(issuer)+1+len(account)+len("?secret=")+len(enc))
	b = append(b, "otpauth://totp/"...)
	b = append(b, url.PathEscape(issuer)...)
	b = append(b, ':')
	b = append(b, url.PathEscape(account)...)
	b = append(b, "?secret="...)
	b = append(b, enc...)
	return string(b)
}

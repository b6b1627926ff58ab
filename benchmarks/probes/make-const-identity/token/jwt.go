// Package token builds and reads compact JWT-like and PASETO-like tokens.
package token

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
)

const (
	maxHeader  = 256
	maxPayload = 2048
	maxFooter  = 128
)

var (
	errMalformed = errors.New("token: malformed")
	errBadMAC    = errors.New("token: bad signature")
)

var b64 = base64.RawURLEncoding

// SignHS256 returns header.payload.signature, each part base64url.
func SignHS256(key, header, payload []byte) (string, error) {
	if len(header) > maxHeader || len(payload) > maxPayload {
		return "", errMalformed
	}
	buf := make([]byte, 0, b64.EncodedLen(len(header))+1+b64.EncodedLen(len(payload))+1+b64.EncodedLen(sha256.Size))
	buf = b64.AppendEncode(buf, header)
	buf = append(buf, '.')
	buf = b64.AppendEncode(buf, payload)
	mac := hmac.New(sha256.New, key)
	mac.Write(buf)
	buf = append(buf, '.')
	buf = b64.AppendEncode(buf, mac.Sum(nil))
	return string(buf), nil
}

// Alg returns the alg field of a token's header, read without a JSON decoder.
func Alg(tok string) (string, error) {
	dot := strings.IndexByte(tok, '.')
	if dot < 0 || dot > maxHeader {
		return "", errMalformed
	}
	raw := make([]byte, b64.DecodedLen(dot))
	n, err := b64.Decode(raw, []byte(tok[:dot]))
	if err != nil {
		return "", err
	}
	i := bytes.Index(raw[:n], []byte(`"alg":"`))
	if i < 0 {
		return "", errMalformed
	}
	rest := raw[i+7 : n]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return "", errMalformed
	}
	return string(rest[:j]), nil
}

// VerifyHS256 checks the signature of a header.payload.signature token.
func VerifyHS256(key []byte, tok string) error {
	last := strings.LastIndexByte(tok, '.')
	if last < 0 || len(tok)-last-1 != b64.EncodedLen(sha256.Size) {
		return errMalformed
	}
	sig := make([]byte, b64.DecodedLen(len(tok)-last-1))
	if _, err := b64.Decode(sig, []byte(tok[last+1:])); err != nil {
		return err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(tok[:last]))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		return errBadMAC
	}
	return nil
}

// Payload decodes the payload part; the caller owns the result.
func Payload(tok string) ([]byte, error) {
	parts := strings.SplitN(tok, ".", 3)
	if len(parts) != 3 {
		return nil, errMalformed
	}
	out := make([]byte, b64.DecodedLen(len(parts[1])))
	n, err := b64.Decode(out, []byte(parts[1]))
	return out[:n], err
}

// PAE is PASETO's pre-authentication encoding of pieces.
func PAE(pieces ...[]byte) []byte {
	total := 8
	for _, p := range pieces {
		total += 8 + len(p)
	}
	out := make([]byte, 0, total)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(pieces)))
	for _, p := range pieces {
		out = binary.LittleEndian.AppendUint64(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}

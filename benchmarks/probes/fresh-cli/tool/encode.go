package tool

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"
	"io"
	"os"

	"example.com/freshcli/format"
)

// hexDigest returns the hex SHA-256 of data.
func hexDigest(data []byte) string {
	sum := sha256.Sum256(data)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum[:])
	return string(out)
}

// b64Field encodes a short field as base64, refusing long ones.
func b64Field(f []byte) string {
	if len(f) > format.FieldBytes {
		return base64.StdEncoding.EncodeToString(f)
	}
	dst := make([]byte, base64.StdEncoding.EncodedLen(len(f)))
	base64.StdEncoding.Encode(dst, f)
	return string(dst)
}

// unhexField decodes a short hex field.
func unhexField(s string) ([]byte, error) {
	if len(s) > 2*format.FieldBytes {
		return hex.DecodeString(s)
	}
	dst := make([]byte, hex.DecodedLen(len(s)))
	n, err := hex.Decode(dst, []byte(s))
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), dst[:n]...), nil
}

// fileChecksum computes the CRC-32 of a file with a fixed read buffer.
func fileChecksum(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := crc32.NewIEEE()
	buf := make([]byte, 64*1024)
	if _, err := io.CopyBuffer(h, f, buf); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

// digestPrefix returns the first n hex digits of a digest.
func digestPrefix(data []byte, n int) string {
	if n > 2*format.DigestSize {
		n = 2 * format.DigestSize
	}
	sum := sha256.Sum256(data)
	full := make([]byte, 2*format.DigestSize)
	hex.Encode(full, sum[:])
	return string(full[:n])
}

// equalDigest compares a hex digest with data's digest in constant time.
func equalDigest(want string, data []byte) bool {
	if len(want) != hex.EncodedLen(format.DigestSize) {
		return false
	}
	got := make([]byte, len(want))
	sum := sha256.Sum256(data)
	hex.Encode(got, sum[:])
	var diff byte
	for i := range got {
		diff |= got[i] ^ want[i]
	}
	return diff == 0
}

// b64URLNoPad encodes raw bytes for a URL.
func b64URLNoPad(raw []byte) string {
	n := min(len(raw), format.FieldBytes)
	dst := make([]byte, base64.RawURLEncoding.EncodedLen(n))
	base64.RawURLEncoding.Encode(dst, raw[:n])
	return string(dst)
}

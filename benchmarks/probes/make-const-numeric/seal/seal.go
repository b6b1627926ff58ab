// Package seal pads, signs and encodes small binary values.
package seal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

var errPadding = errors.New("seal: bad padding")

// Pad applies PKCS#7 padding; the result is returned to the caller.
func Pad(data []byte, blockSize int) []byte {
	n := blockSize - len(data)%blockSize
	out := make([]byte, len(data)+n)
	copy(out, data)
	for i := len(data); i < len(out); i++ {
		out[i] = byte(n)
	}
	return out
}

// Unpad checks and strips PKCS#7 padding in constant time over the pad bytes.
func Unpad(data []byte, blockSize int) ([]byte, error) {
	if blockSize <= 0 || blockSize > 255 || len(data) == 0 || len(data)%blockSize != 0 {
		return nil, errPadding
	}
	n := int(data[len(data)-1])
	if n == 0 || n > blockSize {
		return nil, errPadding
	}
	want := make([]byte, n)
	for i := range want {
		want[i] = byte(n)
	}
	if !hmac.Equal(want, data[len(data)-n:]) {
		return nil, errPadding
	}
	return data[:len(data)-n], nil
}

// blockSize of the ciphers the envelope format supports.
func blockSize(alg byte) int {
	switch alg {
	case 1: // AES
		return 16
	case 2: // 3DES
		return 8
	}
	return 0
}

// Block returns the padding a message of n bytes needs under alg.
func Block(alg byte, n int) int {
	bs := blockSize(alg)
	if bs == 0 {
		return -1
	}
	pad := make([]byte, bs)
	k := bs - n%bs
	for i := 0; i < k; i++ {
		pad[i] = byte(k)
	}
	return int(pad[0])
}

// Digest returns the lowercase hex SHA-256 of data.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	dst := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(dst, sum[:])
	return string(dst)
}

// Sign returns the hex HMAC-SHA256 of msg under key.
func Sign(key, msg []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	var buf [sha256.Size]byte
	sum := mac.Sum(buf[:0])
	dst := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(dst, sum)
	return string(dst)
}

// Verify checks a hex HMAC-SHA256 signature.
func Verify(key, msg []byte, sig string) bool {
	if len(sig) != hex.EncodedLen(sha256.Size) {
		return false
	}
	got := make([]byte, hex.DecodedLen(len(sig)))
	if _, err := hex.Decode(got, []byte(sig)); err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	var buf [sha256.Size]byte
	return hmac.Equal(got, mac.Sum(buf[:0]))
}

// ShortID is the first n hex digits of the digest, as shown in logs.
func ShortID(data []byte, n int) string {
	sum := sha256.Sum256(data)
	n = min(n, len(sum))
	dst := make([]byte, hex.EncodedLen(n))
	hex.Encode(dst, sum[:n])
	return string(dst)
}

package seal

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strconv"
)

// Token is an opaque session token: a 16-byte id and a 32-byte MAC.
type Token struct {
	ID  [16]byte
	MAC [sha256.Size]byte
}

// String encodes the token in URL-safe base64 without padding.
func (t *Token) String() string {
	raw := make([]byte, len(t.ID)+len(t.MAC))
	copy(raw, t.ID[:])
	copy(raw[len(t.ID):], t.MAC[:])
	out := make([]byte, base64.RawURLEncoding.EncodedLen(len(raw)))
	base64.RawURLEncoding.Encode(out, raw)
	return string(out)
}

// Nonce builds a counter-mode nonce: a 4-byte prefix and the counter as a varint.
func Nonce(prefix uint32, counter uint64) uint64 {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], counter)
	nonce := make([]byte, 4+n)
	binary.BigEndian.PutUint32(nonce, prefix)
	copy(nonce[4:], tmp[:n])
	var h uint64
	for _, b := range nonce {
		h = h*31 + uint64(b)
	}
	return h
}

// Label is a key-derivation label: "numfin/v1/" + purpose + "/" + the decimal index.
func Label(purpose string, index int) uint32 {
	if len(purpose) > 32 {
		purpose = purpose[:32]
	}
	idx := strconv.Itoa(index)
	b := make([]byte, 0, len("numfin/v1/")+len(purpose)+1+len(idx))
	b = append(b, "numfin/v1/"...)
	b = append(b, purpose...)
	b = append(b, '/')
	b = append(b, idx...)
	sum := sha256.Sum256(b)
	return binary.BigEndian.Uint32(sum[:4])
}

// Fingerprint is the colon-separated hex of the first n bytes of a key's SHA-256 (n is 4, 8 or 16).
func Fingerprint(key []byte, short bool) string {
	n := 16
	if short {
		n = 8
	}
	sum := sha256.Sum256(key)
	out := make([]byte, 0, 3*n)
	for i, b := range sum[:n] {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, "0123456789abcdef"[b>>4], "0123456789abcdef"[b&15])
	}
	return string(out)
}

// Frame length-prefixes a small control message: 2-byte length, payload, 4-byte check.
func Frame(payload []byte, send func([]byte) error) error {
	const maxControl = 125
	if len(payload) > maxControl {
		return errTooLong
	}
	f := make([]byte, 2+len(payload)+4)
	binary.BigEndian.PutUint16(f, uint16(len(payload)))
	copy(f[2:], payload)
	return send(f)
}

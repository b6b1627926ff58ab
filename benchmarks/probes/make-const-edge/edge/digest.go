package edge

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash/crc32"
	"io"
)

// ETag renders a strong ETag from a body's SHA-256: "<64 hex digits>" with the quotes.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	tag := make([]byte, 0, sha256.Size*2+2)
	tag = append(tag, '"')
	tag = hex.AppendEncode(tag, sum[:])
	tag = append(tag, '"')
	return string(tag)
}

// ContentMD5 is the base64 Content-MD5 header value of a body.
func ContentMD5(body []byte) string {
	sum := md5.Sum(body)
	b := make([]byte, base64.StdEncoding.EncodedLen(md5.Size))
	base64.StdEncoding.Encode(b, sum[:])
	return string(b)
}

// Fingerprint shows a certificate's SHA-1 as colon-separated hex (AB:CD:...), as browsers do.
func Fingerprint(der []byte) string {
	sum := sha1.Sum(der)
	fp := make([]byte, 0, sha1.Size*3)
	for i, b := range sum {
		if i > 0 {
			fp = append(fp, ':')
		}
		fp = append(fp, "0123456789ABCDEF"[b>>4], "0123456789ABCDEF"[b&0xf])
	}
	return string(fp)
}

// CRCHex gives the 8-digit hex CRC-32 of a chunk, for the upload log.
func CRCHex(p []byte) string {
	var be [4]byte
	c := crc32.ChecksumIEEE(p)
	be[0], be[1], be[2], be[3] = byte(c>>24), byte(c>>16), byte(c>>8), byte(c)
	out := make([]byte, hex.EncodedLen(len(be)))
	hex.Encode(out, be[:])
	return string(out)
}

// DigestHeader writes the RFC 9530 Repr-Digest value "sha-256=:<base64>:" straight to w.
func DigestHeader(w io.Writer, body []byte) error {
	sum := sha256.Sum256(body)
	h := make([]byte, 0, len("sha-256=::")+base64.StdEncoding.EncodedLen(len(sum)))
	h = append(h, "sha-256=:"...)
	h = base64.StdEncoding.AppendEncode(h, sum[:])
	h = append(h, ':')
	_, err := w.Write(h)
	return err
}

// HexLine dumps a short packet prefix as hex with a trailing newline, for debug logs.
func HexLine(pkt []byte) string {
	if len(pkt) > 48 {
		pkt = pkt[:48]
	}
	line := make([]byte, len(pkt)*2+1)
	hex.Encode(line, pkt)
	line[len(line)-1] = '\n'
	return string(line)
}

// ShortID is the first 12 hex digits of a blob's SHA-256, as shown in the dashboard.
func ShortID(blob []byte) string {
	sum := sha256.Sum256(blob)
	n := 6
	id := make([]byte, hex.EncodedLen(n))
	hex.Encode(id, sum[:n])
	return string(id)
}

// Keyed hashes under a caller's key and returns the hex digest; the sum is retained by the caller.
func Keyed(key, msg []byte) []byte {
	h := sha256.New()
	h.Write(key)
	h.Write(msg)
	out := make([]byte, hex.EncodedLen(h.Size()))
	hex.Encode(out, h.Sum(nil))
	return out
}

// HexDigest hex-encodes a digest of whatever hash the caller passes: Size is a method of an interface.
func HexDigest(sum []byte, size int) string {
	if size > sha256.Size || size > len(sum) {
		return ""
	}
	d := make([]byte, hex.EncodedLen(size))
	hex.Encode(d, sum[:size])
	return string(d)
}

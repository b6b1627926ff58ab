package gateway

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// canonicalRequest writes the canonical form of a request into buf, the package's helper for signing.
func canonicalRequest(buf *bytes.Buffer, r *http.Request, signed []string) {
	buf.WriteString(r.Method)
	buf.WriteByte('\n')
	buf.WriteString(r.URL.EscapedPath())
	buf.WriteByte('\n')
	buf.WriteString(r.URL.RawQuery)
	buf.WriteByte('\n')
	for _, name := range signed {
		fmt.Fprintf(buf, "%s:%s\n", name, strings.TrimSpace(r.Header.Get(name)))
	}
	buf.WriteString(strings.Join(signed, ";"))
}

// Sign signs an upstream request with HMAC-SHA256 over its canonical form.
func Sign(r *http.Request, key []byte, signed []string) string {
	var buf bytes.Buffer
	canonicalRequest(&buf, r, signed)
	mac := hmac.New(sha256.New, key)
	mac.Write(buf.Bytes())
	return hex.EncodeToString(mac.Sum(nil))
}

// SignHeaders signs every header of the request, sorted by name.
func SignHeaders(r *http.Request, key []byte) string {
	names := make([]string, 0, len(r.Header))
	for k := range r.Header {
		names = append(names, strings.ToLower(k))
	}
	sort.Strings(names)
	buf := new(bytes.Buffer)
	canonicalRequest(buf, r, names)
	mac := hmac.New(sha256.New, key)
	buf.WriteTo(mac)
	return hex.EncodeToString(mac.Sum(nil))
}

// Verify checks a request's signature in constant time.
func Verify(r *http.Request, key []byte, signed []string, sig string) bool {
	want, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	var buf bytes.Buffer
	canonicalRequest(&buf, r, signed)
	mac := hmac.New(sha256.New, key)
	mac.Write(buf.Bytes())
	return hmac.Equal(mac.Sum(nil), want)
}

// StringToSign builds the string-to-sign and returns it for the debug header.
func StringToSign(r *http.Request, signed []string) string {
	buf := new(bytes.Buffer)
	canonicalRequest(buf, r, signed)
	sum := sha256.Sum256(buf.Bytes())
	return "GW1-HMAC-SHA256\n" + hex.EncodeToString(sum[:])
}

// Signer remembers the last canonical request for the signature-mismatch error.
type Signer struct {
	Key  []byte
	last []byte
}

// Sign signs and keeps the canonical bytes: retained, must stay allocated.
func (s *Signer) Sign(r *http.Request, signed []string) string {
	var buf bytes.Buffer
	canonicalRequest(&buf, r, signed)
	s.last = buf.Bytes()
	mac := hmac.New(sha256.New, s.Key)
	mac.Write(s.last)
	return hex.EncodeToString(mac.Sum(nil))
}

// BodyDigest hashes a request body through a scratch buffer for the x-content-sha256 header.
func BodyDigest(r *http.Request) (string, error) {
	h := sha256.New()
	buf := make([]byte, 16<<10)
	for {
		n, err := r.Body.Read(buf)
		h.Write(buf[:n])
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

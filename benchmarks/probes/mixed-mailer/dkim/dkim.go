// Package dkim canonicalises headers and bodies the "relaxed" way (RFC 6376 §3.4) and hashes them.
package dkim

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"strings"

	"example.com/probes/mixed-mailer/limits"
)

// Header is one header field as it appears in the message.
type Header struct {
	Name, Value string
}

// CanonHeader is the relaxed form of one header field: name lower-cased, whitespace runs collapsed.
func CanonHeader(h Header) string {
	var b strings.Builder
	b.Grow(len(h.Name) + len(h.Value) + 3)
	b.WriteString(strings.ToLower(strings.TrimSpace(h.Name)))
	b.WriteByte(':')
	b.WriteString(strings.Join(strings.Fields(h.Value), " "))
	b.WriteString("\r\n")
	return b.String()
}

// CanonBody writes the relaxed body: trailing whitespace dropped per line, runs collapsed, empty lines at the end removed.
func CanonBody(w io.Writer, body []byte) error {
	pending := 0
	line := make([]byte, 0, limits.MaxTextLine+2)
	for _, raw := range bytes.Split(body, []byte("\n")) {
		raw = bytes.TrimRight(raw, " \t\r")
		if len(raw) == 0 {
			pending++
			continue
		}
		for ; pending > 0; pending-- {
			if _, err := io.WriteString(w, "\r\n"); err != nil {
				return err
			}
		}
		line = line[:0]
		space := false
		for _, c := range raw {
			if c == ' ' || c == '\t' {
				space = true
				continue
			}
			if space {
				line = append(line, ' ')
				space = false
			}
			line = append(line, c)
		}
		line = append(line, '\r', '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// BodyHash is the bh= tag: base64 of the SHA-256 of the canonical body.
func BodyHash(body []byte) string {
	h := sha256.New()
	CanonBody(h, body)
	var sum [sha256.Size]byte
	return base64.StdEncoding.EncodeToString(h.Sum(sum[:0]))
}

// HeaderHash hashes the signed headers in order, the last occurrence of each name first (RFC 6376 §5.4.2).
func HeaderHash(headers []Header, signed []string, sigHeader string) []byte {
	h := sha256.New()
	used := make([]bool, len(headers))
	for _, name := range signed {
		for i := len(headers) - 1; i >= 0; i-- {
			if !used[i] && strings.EqualFold(headers[i].Name, name) {
				used[i] = true
				io.WriteString(h, CanonHeader(headers[i]))
				break
			}
		}
	}
	io.WriteString(h, strings.TrimSuffix(CanonHeader(Header{"DKIM-Signature", sigHeader}), "\r\n"))
	return h.Sum(nil)
}

// Tags renders the DKIM-Signature value without b=; the signer appends the signature.
func Tags(domain, selector string, signed []string, bodyHash string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=%s;", domain, selector)
	fmt.Fprintf(&b, " h=%s; bh=%s; b=", strings.Join(signed, ":"), bodyHash)
	return b.String()
}

// WriteTags writes the tags to a header writer.
func WriteTags(w io.Writer, domain, selector string, signed []string, bodyHash string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s; s=%s;\r\n", domain, selector)
	fmt.Fprintf(&b, "\th=%s;\r\n\tbh=%s;\r\n", strings.Join(signed, ":"), bodyHash)
	_, err := b.WriteTo(w)
	return err
}

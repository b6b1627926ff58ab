// Package mime builds MIME messages: boundaries, transfer encodings wrapped at 76, folded headers.
package mime

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"example.com/probes/mixed-mailer/limits"
)

// Boundary makes a multipart boundary from the given randomness.
func Boundary(rand io.Reader) (string, error) {
	var raw [limits.BoundaryBytes]byte
	if _, err := io.ReadFull(rand, raw[:]); err != nil {
		return "", err
	}
	return "=_" + hex.EncodeToString(raw[:]), nil
}

// WriteBase64 writes data base64-encoded in lines of 76 characters.
func WriteBase64(w io.Writer, data []byte) error {
	const chunk = limits.EncodedWidth / 4 * 3
	line := make([]byte, limits.EncodedWidth+2)
	for len(data) > 0 {
		n := min(len(data), chunk)
		m := base64.StdEncoding.EncodedLen(n)
		base64.StdEncoding.Encode(line, data[:n])
		line[m], line[m+1] = '\r', '\n'
		if _, err := w.Write(line[:m+2]); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// EncodedLines is how many lines WriteBase64 writes for n bytes.
func EncodedLines(n int) int {
	const chunk = limits.EncodedWidth / 4 * 3
	return (n + chunk - 1) / chunk
}

const hexUpper = "0123456789ABCDEF"

// WriteQuotedPrintable writes s quoted-printable (RFC 2045 §6.7) with soft breaks before 76 characters.
func WriteQuotedPrintable(w io.Writer, s string) error {
	line := make([]byte, 0, limits.EncodedWidth+3)
	flush := func(soft bool) error {
		if soft {
			line = append(line, '=')
		}
		line = append(line, '\r', '\n')
		_, err := w.Write(line)
		line = line[:0]
		return err
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			if err := flush(false); err != nil {
				return err
			}
			continue
		}
		width := 1
		if c == '=' || c > '~' || (c < ' ' && c != '\t') {
			width = 3
		}
		if len(line)+width > limits.EncodedWidth-1 {
			if err := flush(true); err != nil {
				return err
			}
		}
		if width == 3 {
			line = append(line, '=', hexUpper[c>>4], hexUpper[c&15])
		} else {
			line = append(line, c)
		}
	}
	if len(line) > 0 {
		return flush(false)
	}
	return nil
}

// EncodeWord encodes a header word as an RFC 2047 "B" encoded-word when it is not plain ASCII.
func EncodeWord(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "=?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte(s)) + "?="
		}
	}
	return s
}

// FoldHeader renders "Name: value" folded at whitespace so no line passes 78 characters.
func FoldHeader(name, value string) string {
	var b strings.Builder
	b.Grow(len(name) + len(value) + 8)
	b.WriteString(name)
	b.WriteString(":")
	col := len(name) + 1
	for _, word := range strings.Fields(value) {
		if col+1+len(word) > limits.FoldWidth && col > len(name)+1 {
			b.WriteString("\r\n")
			col = 0
		}
		b.WriteByte(' ')
		b.WriteString(word)
		col += 1 + len(word)
	}
	b.WriteString("\r\n")
	return b.String()
}

// WriteHeader writes a header field folded, through the formatter the message writer uses.
func WriteHeader(w io.Writer, name, value string) error {
	_, err := fmt.Fprint(w, FoldHeader(name, EncodeWord(value)))
	return err
}

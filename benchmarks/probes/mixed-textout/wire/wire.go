// Package wire writes text protocol command lines: HTTP headers, FIX, STOMP, IRC and SMTP.
package wire

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

const soh = '\x01'

// Header writes one HTTP header line.
func Header(b *bytes.Buffer, name, value string) {
	fmt.Fprintf(b, "%s: %s\r\n", name, value)
}

// Request writes a request line and its Host header.
func Request(method, target, host string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, target, host)
	return append([]byte(nil), b.Bytes()...)
}

// Heartbeat writes a FIX heartbeat whose sequence number is formatted into a scratch.
func Heartbeat(seq int) []byte {
	var msg bytes.Buffer
	field := make([]byte, 0, 13)
	field = strconv.AppendInt(field, int64(seq), 10)
	fmt.Fprintf(&msg, "8=FIX.4.2%c35=0%c34=%s%c", soh, soh, field, soh)
	return append([]byte(nil), msg.Bytes()...)
}

// Tag writes one FIX tag=value field.
func Tag(b *bytes.Buffer, tag int, value string) {
	fmt.Fprintf(b, "%d=%s%c", tag, value, soh)
}

// Checksum writes the FIX trailer with a three-digit checksum.
func Checksum(b *bytes.Buffer, sum int) {
	fmt.Fprintf(b, "10=%03d%c", sum%256, soh)
}

// Stomp writes a STOMP SEND frame's header block.
func Stomp(dest, contentType string, length int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "SEND\ndestination:%s\ncontent-type:%s\ncontent-length:%d\n\n", dest, contentType, length)
	return b.String()
}

// Privmsg writes an IRC PRIVMSG line.
func Privmsg(b *strings.Builder, target, text string) {
	fmt.Fprintf(b, "PRIVMSG %s :%s\r\n", target, text)
}

// Join writes an IRC JOIN line; the key is optional.
func Join(b *strings.Builder, channel, key string) {
	if key == "" {
		fmt.Fprintf(b, "JOIN %s\r\n", channel)
		return
	}
	fmt.Fprintf(b, "JOIN %s %s\r\n", channel, key)
}

// Mail writes an SMTP envelope's MAIL FROM and RCPT TO lines.
func Mail(from string, to []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "MAIL FROM:<%s>\r\n", from)
	for _, rcpt := range to {
		fmt.Fprintf(&b, "RCPT TO:<%s>\r\n", rcpt)
	}
	return b.String()
}

// Auth writes an SMTP AUTH PLAIN line; the credentials are base64 bytes.
func Auth(b *bytes.Buffer, cred []byte) {
	fmt.Fprintf(b, "AUTH PLAIN %s\r\n", cred)
}

// Escaped writes a percent sign literally before a value: %% prints one %.
func Escaped(b *strings.Builder, pct string) {
	fmt.Fprintf(b, "progress: %s%%\r\n", pct)
}

// Reordered writes the value before the key by argument index.
func Reordered(b *strings.Builder, k, v string) {
	fmt.Fprintf(b, "%[2]s <- %[1]s\n", k, v)
}

// Status writes an HTTP status line; the reason comes from a lookup call.
func Status(b *bytes.Buffer, code int, reason func(int) string) {
	fmt.Fprintf(b, "HTTP/1.1 %d %s\r\n", code, reason(code))
}

// Bulk writes a RESP bulk string: the length before the bytes.
func Bulk(b *bytes.Buffer, v []byte) {
	fmt.Fprintf(b, "$%d\r\n%s\r\n", len(v), v)
}

// Width writes a right-aligned column whose width the caller picks.
func Width(b *strings.Builder, w int, v string) {
	fmt.Fprintf(b, "%*s|\n", w, v)
}

// Package mail assembles a multipart/alternative message: headers, a plain and an HTML part, each
// quoted-printable encoded.
package mail

import (
	"bytes"
	"fmt"
	"io"
	"mime/quotedprintable"
)

const boundary = "b1_mail"

// Message is what a notification sends.
type Message struct {
	From, To, Subject string
	Text, HTML        string
}

// Build returns the message's bytes, copied out of the buffer it was written into.
func Build(m *Message) []byte {
	var buf bytes.Buffer // want "moved to heap: buf"
	fmt.Fprintf(&buf, "From: %s\r\nTo: %s\r\nSubject: %s\r\n", m.From, m.To, m.Subject)
	fmt.Fprintf(&buf, "Content-Type: multipart/alternative; boundary=%q\r\n\r\n", boundary)
	writePart(&buf, "text/plain", m.Text)
	writePart(&buf, "text/html", m.HTML)
	fmt.Fprintf(&buf, "--%s--\r\n", boundary)
	out := make([]byte, buf.Len())
	copy(out, buf.Bytes())
	return out
}

// writePart writes one part; its quoted-printable Writer is closed, so its last line is written, and dies
// with the call.
func writePart(w io.Writer, ctype, body string) {
	fmt.Fprintf(w, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary, ctype)
	qp := quotedprintable.NewWriter(w)
	io.WriteString(qp, body)
	qp.Close()
	io.WriteString(w, "\r\n")
}

package composekit

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// Mail is an outgoing message.
type Mail struct {
	From, To, Subject string
	Text, HTML        string
	Files             []File
}

// File is an attachment.
type File struct {
	Name, Type string
	Data       []byte
}

// writeHeaders writes the envelope headers.
func writeHeaders(w io.Writer, m *Mail) {
	fmt.Fprintf(w, "From: %s\r\n", m.From)
	fmt.Fprintf(w, "To: %s\r\n", m.To)
	fmt.Fprintf(w, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	io.WriteString(w, "MIME-Version: 1.0\r\n")
}

// ComposeText writes a plain-text mail with a quoted-printable body.
func ComposeText(w io.Writer, m *Mail) error {
	var buf bytes.Buffer
	writeHeaders(&buf, m)
	buf.WriteString("Content-Type: text/plain; charset=utf-8\r\n")
	buf.WriteString("Content-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&buf)
	io.WriteString(qp, m.Text)
	qp.Close()
	_, err := w.Write(buf.Bytes())
	return err
}

// ComposeMultipart writes a multipart/mixed mail with attachments.
func ComposeMultipart(w io.Writer, m *Mail) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := make(textproto.MIMEHeader)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	pw, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	io.WriteString(pw, m.Text)
	for _, f := range m.Files {
		fh := make(textproto.MIMEHeader)
		fh.Set("Content-Type", f.Type)
		fh.Set("Content-Transfer-Encoding", "base64")
		fh.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", f.Name))
		pw, err := mw.CreatePart(fh)
		if err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, pw)
		enc.Write(f.Data)
		enc.Close()
	}
	mw.Close()
	var head bytes.Buffer
	writeHeaders(&head, m)
	fmt.Fprintf(&head, "Content-Type: multipart/mixed; boundary=%s\r\n\r\n", mw.Boundary())
	if _, err := w.Write(head.Bytes()); err != nil {
		return err
	}
	_, err = w.Write(body.Bytes())
	return err
}

// EncodeSubject returns an RFC 2047 subject, folded at 76 columns.
func EncodeSubject(s string) string {
	enc := mime.BEncoding.Encode("utf-8", s)
	if len(enc) <= 76 {
		return enc
	}
	var sb strings.Builder
	for i, word := range strings.Fields(enc) {
		if i > 0 {
			sb.WriteString("\r\n ")
		}
		sb.WriteString(word)
	}
	return sb.String()
}

// Base64Lines writes data base64-encoded in 76-column lines.
func Base64Lines(w io.Writer, data []byte) error {
	line := make([]byte, 76)
	enc := base64.StdEncoding
	for len(data) > 0 {
		n := min(57, len(data))
		enc.Encode(line, data[:n])
		m := enc.EncodedLen(n)
		if _, err := w.Write(line[:m]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "\r\n"); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// Outbox keeps rendered messages for the sender goroutine to deliver.
type Outbox struct {
	queue []*bytes.Buffer
}

// Enqueue renders m and keeps it: must not pool.
func (o *Outbox) Enqueue(m *Mail) {
	buf := new(bytes.Buffer)
	writeHeaders(buf, m)
	buf.WriteString("\r\n")
	buf.WriteString(m.Text)
	o.queue = append(o.queue, buf)
}

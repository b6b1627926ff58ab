package renderkit

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// Attachment is one file of a message.
type Attachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Message is an outgoing e-mail.
type Message struct {
	From, To, Subject string
	Text              string
	Attachments       []Attachment
}

// WriteMIME writes the message as multipart/mixed with base64 attachments.
func WriteMIME(w io.Writer, m *Message) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	th := textproto.MIMEHeader{}
	th.Set("Content-Type", "text/plain; charset=utf-8")
	pw, err := mw.CreatePart(th)
	if err != nil {
		return err
	}
	io.WriteString(pw, m.Text)
	for _, a := range m.Attachments {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", a.ContentType)
		h.Set("Content-Transfer-Encoding", "base64")
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", a.Name))
		aw, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		enc := base64.NewEncoder(base64.StdEncoding, aw)
		enc.Write(a.Data)
		enc.Close()
	}
	mw.Close()
	fmt.Fprintf(w, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\n", m.From, m.To, m.Subject)
	fmt.Fprintf(w, "Content-Type: multipart/mixed; boundary=%s\r\n\r\n", mw.Boundary())
	_, err = w.Write(body.Bytes())
	return err
}

// EncodeHeaderWord encodes a non-ASCII subject as an RFC 2047 word.
func EncodeHeaderWord(s string) string {
	var sb strings.Builder
	sb.WriteString("=?utf-8?b?")
	enc := base64.NewEncoder(base64.StdEncoding, &sb)
	io.WriteString(enc, s)
	enc.Close()
	sb.WriteString("?=")
	return sb.String()
}

// GzipBody compresses body into w in one write.
func GzipBody(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(body); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Compressed returns the gzip of s for caching: the bytes are kept by the
// caller, so they must not come from a pool.
func Compressed(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, s)
	zw.Close()
	return buf.Bytes()
}

// CopyAttachment streams r into w through a fixed scratch buffer.
func CopyAttachment(w io.Writer, r io.Reader) (int64, error) {
	scratch := make([]byte, 64<<10)
	return io.CopyBuffer(w, r, scratch)
}

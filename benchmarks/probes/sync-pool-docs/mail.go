package docs

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"strings"
	"text/template"
	"time"
)

// Mail is an outgoing message.
type Mail struct {
	From, To, Subject string
	Date              time.Time
	Text, HTML        string
	Boundary          string
}

var welcomeTmpl = template.Must(template.New("welcome").Parse("Hello {{.Name}},\n\nYour account {{.Login}} is ready.\n"))

// WelcomeBody renders the welcome template for one user.
func WelcomeBody(name, login string) (string, error) {
	var buf bytes.Buffer
	if err := welcomeTmpl.Execute(&buf, map[string]string{"Name": name, "Login": login}); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// WriteHeaders writes the message's header block to w.
func WriteHeaders(w io.Writer, m *Mail) error {
	var hdr bytes.Buffer
	fmt.Fprintf(&hdr, "From: %s\r\n", m.From)
	fmt.Fprintf(&hdr, "To: %s\r\n", m.To)
	fmt.Fprintf(&hdr, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	fmt.Fprintf(&hdr, "Date: %s\r\n", m.Date.Format(time.RFC1123Z))
	io.WriteString(&hdr, "MIME-Version: 1.0\r\n")
	_, err := w.Write(hdr.Bytes())
	return err
}

// WriteAlternative writes a multipart/alternative body with a text and an HTML part.
func WriteAlternative(w io.Writer, m *Mail) error {
	var body bytes.Buffer
	fmt.Fprintf(&body, "Content-Type: multipart/alternative; boundary=%q\r\n\r\n", m.Boundary)
	writePart(&body, m.Boundary, "text/plain", m.Text)
	writePart(&body, m.Boundary, "text/html", m.HTML)
	fmt.Fprintf(&body, "--%s--\r\n", m.Boundary)
	_, err := body.WriteTo(w)
	return err
}

func writePart(w io.Writer, boundary, ctype, text string) {
	fmt.Fprintf(w, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary, ctype)
	qp := quotedprintable.NewWriter(w)
	io.WriteString(qp, text)
	qp.Close()
	io.WriteString(w, "\r\n")
}

// EncodeAttachment base64-encodes data in 76-column lines.
func EncodeAttachment(w io.Writer, name string, data []byte) error {
	var out bytes.Buffer
	fmt.Fprintf(&out, "Content-Disposition: attachment; filename=%q\r\nContent-Transfer-Encoding: base64\r\n\r\n", name)
	line := make([]byte, 76)
	for len(data) > 0 {
		n := min(57, len(data))
		base64.StdEncoding.Encode(line, data[:n])
		out.Write(line[:base64.StdEncoding.EncodedLen(n)])
		out.WriteString("\r\n")
		data = data[n:]
	}
	_, err := w.Write(out.Bytes())
	return err
}

// AddressList formats addresses for a To or Cc header.
func AddressList(names, addrs []string) string {
	var b strings.Builder
	for i := range addrs {
		if i > 0 {
			b.WriteString(", ")
		}
		if i < len(names) && names[i] != "" {
			fmt.Fprintf(&b, "%s <%s>", mime.QEncoding.Encode("utf-8", names[i]), addrs[i])
		} else {
			b.WriteString(addrs[i])
		}
	}
	return b.String()
}

// Outbox queues rendered messages for a sender goroutine (must decline: the buffer is sent on).
type Outbox struct {
	queue chan *bytes.Buffer
}

// Queue renders m and hands the buffer to the sender.
func (o *Outbox) Queue(m *Mail) {
	buf := new(bytes.Buffer)
	WriteHeaders(buf, m)
	io.WriteString(buf, "\r\n")
	io.WriteString(buf, m.Text)
	o.queue <- buf
}

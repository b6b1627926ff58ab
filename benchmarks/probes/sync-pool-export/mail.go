package exportkit

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
	texttemplate "text/template"
)

var welcomeText = texttemplate.Must(texttemplate.New("welcome").Parse(
	"Hello {{.Name}},\n\nYour account {{.Login}} is ready.\n{{range .Links}}- {{.}}\n{{end}}"))

var welcomeHTML = template.Must(template.New("welcome").Parse(
	`<p>Hello {{.Name}},</p><p>Your account <b>{{.Login}}</b> is ready.</p><ul>{{range .Links}}<li><a href="{{.}}">{{.}}</a></li>{{end}}</ul>`))

// Welcome is the data of the welcome mail.
type Welcome struct {
	Name  string
	Login string
	Links []string
	To    string
}

// WriteWelcome renders a multipart/alternative mail by hand.
func WriteWelcome(w io.Writer, d Welcome, boundary string) error {
	var text, html bytes.Buffer
	if err := welcomeText.Execute(&text, d); err != nil {
		return err
	}
	if err := welcomeHTML.Execute(&html, d); err != nil {
		return err
	}
	fmt.Fprintf(w, "To: %s\r\n", d.To)
	fmt.Fprintf(w, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", "Welcome, "+d.Name))
	fmt.Fprintf(w, "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=%q\r\n\r\n", boundary)
	for _, part := range []struct {
		ctype string
		body  *bytes.Buffer
	}{{"text/plain", &text}, {"text/html", &html}} {
		fmt.Fprintf(w, "--%s\r\nContent-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", boundary, part.ctype)
		qp := quotedprintable.NewWriter(w)
		if _, err := qp.Write(part.body.Bytes()); err != nil {
			return err
		}
		qp.Close()
		io.WriteString(w, "\r\n")
	}
	_, err := fmt.Fprintf(w, "--%s--\r\n", boundary)
	return err
}

// RenderSubject renders a one-line subject template into a string.
func RenderSubject(t *texttemplate.Template, data any) (string, error) {
	var sb strings.Builder
	if err := t.Execute(&sb, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(sb.String()), nil
}

// RenderHTML renders a page for an HTTP response: render first, so errors do not half-write.
func RenderHTML(w io.Writer, t *template.Template, data any) error {
	buf := new(bytes.Buffer)
	if err := t.Execute(buf, data); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// WriteAttachment writes a base64 attachment part with 76-column lines.
func WriteAttachment(w io.Writer, name, ctype string, data []byte) error {
	h := make(textproto.MIMEHeader)
	h.Set("Content-Type", ctype)
	h.Set("Content-Transfer-Encoding", "base64")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	for k, v := range h {
		fmt.Fprintf(w, "%s: %s\r\n", k, v[0])
	}
	io.WriteString(w, "\r\n")
	line := make([]byte, 76)
	enc := make([]byte, base64.StdEncoding.EncodedLen(len(data)))
	base64.StdEncoding.Encode(enc, data)
	for len(enc) > 0 {
		n := copy(line, enc)
		enc = enc[n:]
		w.Write(line[:n])
		io.WriteString(w, "\r\n")
	}
	return nil
}

// Outbox keeps rendered bodies until the SMTP worker sends them.
type Outbox struct {
	queue []*bytes.Buffer
}

// Queue renders and keeps the body: must not be pooled.
func (o *Outbox) Queue(d Welcome) error {
	body := new(bytes.Buffer)
	if err := welcomeText.Execute(body, d); err != nil {
		return err
	}
	o.queue = append(o.queue, body)
	return nil
}

package notify

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"
)

// Message is an e-mail notification ready to be rendered.
type Message struct {
	From    mail.Address
	To      []mail.Address
	Subject string
	Date    time.Time
	Text    string
	HTML    string
}

// Alert is the data the templates render.
type Alert struct {
	Name     string
	Severity string
	Summary  string
	Labels   map[string]string
	StartsAt time.Time
}

var subjectTmpl = texttemplate.Must(texttemplate.New("subject").Parse(
	`[{{.Severity}}] {{.Name}}{{if .Summary}}: {{.Summary}}{{end}}`))

var textTmpl = texttemplate.Must(texttemplate.New("text").Parse(`Alert {{.Name}} is firing.
Severity: {{.Severity}}
Since: {{.StartsAt.Format "2006-01-02 15:04:05"}}
{{range $k, $v := .Labels}}  {{$k}} = {{$v}}
{{end}}`))

var htmlTmpl = htmltemplate.Must(htmltemplate.New("html").Parse(`<h1>{{.Name}}</h1>
<p class="{{.Severity}}">{{.Summary}}</p>
<ul>{{range $k, $v := .Labels}}<li>{{$k}}: {{$v}}</li>{{end}}</ul>`))

// RenderSubject renders the subject line of an alert mail.
func RenderSubject(a *Alert) (string, error) {
	var buf bytes.Buffer
	if err := subjectTmpl.Execute(&buf, a); err != nil {
		return "", err
	}
	return strings.TrimSpace(buf.String()), nil
}

// RenderText renders the plain-text body straight to w, failing before
// anything is written when the template fails.
func RenderText(w io.Writer, a *Alert) error {
	buf := new(bytes.Buffer)
	if err := textTmpl.Execute(buf, a); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// RenderHTML renders the HTML body as a string.
func RenderHTML(a *Alert) (string, error) {
	var buf bytes.Buffer
	if err := htmlTmpl.Execute(&buf, a); err != nil {
		return "", fmt.Errorf("render %s: %w", a.Name, err)
	}
	return buf.String(), nil
}

// RenderBody renders the text body and hands the bytes to the caller, who
// keeps them in the outbox.
func RenderBody(a *Alert) ([]byte, error) {
	var buf bytes.Buffer
	if err := textTmpl.Execute(&buf, a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteHeaders writes the RFC 5322 header block of m to w.
func WriteHeaders(w io.Writer, m *Message) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", m.From.String())
	b.WriteString("To: ")
	for i, to := range m.To {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(to.String())
	}
	b.WriteString("\r\n")
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", m.Date.Format(time.RFC1123Z))
	b.WriteString("MIME-Version: 1.0\r\n")
	_, err := w.Write(b.Bytes())
	return err
}

// WriteQuotedBody writes the text body quoted-printable encoded.
func WriteQuotedBody(w io.Writer, text string) error {
	var buf bytes.Buffer
	qp := quotedprintable.NewWriter(&buf)
	if _, err := io.WriteString(qp, text); err != nil {
		return err
	}
	if err := qp.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Outbox collects rendered mails for a batch send.
type Outbox struct {
	mu    sync.Mutex
	mails [][]byte
}

// Queue renders m and keeps the bytes for Flush.
func (o *Outbox) Queue(m *Message) error {
	buf := new(bytes.Buffer)
	if err := WriteHeaders(buf, m); err != nil {
		return err
	}
	buf.WriteString("\r\n")
	buf.WriteString(m.Text)
	o.mu.Lock()
	o.mails = append(o.mails, buf.Bytes())
	o.mu.Unlock()
	return nil
}

// RenderAll renders the subject of every alert concurrently.
func RenderAll(alerts []*Alert) []string {
	out := make([]string, len(alerts))
	var wg sync.WaitGroup
	for i, a := range alerts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			subjectTmpl.Execute(&buf, a)
			out[i] = buf.String()
		}()
	}
	wg.Wait()
	return out
}

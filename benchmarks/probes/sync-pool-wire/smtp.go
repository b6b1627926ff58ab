package wire

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// WriteHelo writes the EHLO line.
func WriteHelo(w io.Writer, host string) error {
	_, err := fmt.Fprintf(w, "EHLO %s\r\n", host)
	return err
}

// Envelope is the sender and recipients of one message.
type Envelope struct {
	From string
	To   []string
}

// WriteEnvelope writes MAIL FROM and one RCPT TO per recipient in one write, pipelined.
func WriteEnvelope(w io.Writer, e Envelope) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "MAIL FROM:<%s>\r\n", e.From)
	for _, r := range e.To {
		fmt.Fprintf(&buf, "RCPT TO:<%s>\r\n", r)
	}
	buf.WriteString("DATA\r\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// FoldHeader folds a header line at 76 columns, continuation lines starting with a space.
func FoldHeader(name, value string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteString(": ")
	col := len(name) + 2
	for i, word := range strings.Fields(value) {
		if i > 0 {
			if col+1+len(word) > 76 {
				b.WriteString("\r\n ")
				col = 1
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += len(word)
	}
	b.WriteString("\r\n")
	return b.String()
}

// WriteHeaders writes the message headers, sorted, folded, then the blank line.
func WriteHeaders(w io.Writer, h map[string]string, date time.Time) error {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.WriteString(FoldHeader("Date", date.Format(time.RFC1123Z)))
	for _, k := range keys {
		buf.WriteString(FoldHeader(k, h[k]))
	}
	buf.WriteString("\r\n")
	_, err := buf.WriteTo(w)
	return err
}

// DotStuff writes body with dot-stuffing and CRLF line ends, then the terminating dot.
func DotStuff(w io.Writer, body string) error {
	bw := bufio.NewWriter(w)
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, ".") {
			bw.WriteByte('.')
		}
		bw.WriteString(line)
		bw.WriteString("\r\n")
	}
	bw.WriteString(".\r\n")
	return bw.Flush()
}

// StuffedBody returns the dot-stuffed body as a string, for a queue file.
func StuffedBody(body string) string {
	var buf bytes.Buffer
	for _, line := range strings.Split(body, "\n") {
		if len(line) > 0 && line[0] == '.' {
			buf.WriteByte('.')
		}
		buf.WriteString(strings.TrimSuffix(line, "\r"))
		buf.WriteString("\r\n")
	}
	return buf.String()
}

// AuthPlain renders the AUTH PLAIN line.
func AuthPlain(user, pass string) string {
	var sb strings.Builder
	sb.WriteString("AUTH PLAIN ")
	sb.WriteString(base64Plain(user, pass))
	sb.WriteString("\r\n")
	return sb.String()
}

// Outbox queues rendered messages for a sender goroutine.
type Outbox struct {
	C chan []byte
}

// Queue renders a message and sends its bytes to the sender goroutine: must decline.
func (o *Outbox) Queue(e Envelope, subject, body string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "From: %s\r\nTo: %s\r\nSubject: %s\r\n\r\n", e.From, strings.Join(e.To, ", "), subject)
	buf.WriteString(StuffedBody(body))
	o.C <- buf.Bytes()
}

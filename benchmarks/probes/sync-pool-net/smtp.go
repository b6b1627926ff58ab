package netproto

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strings"
)

// Envelope is one message to submit.
type Envelope struct {
	From    string
	To      []string
	Subject string
	Body    string
}

// cmd writes one SMTP command line and reads the reply code.
func cmd(rw *bufio.ReadWriter, expect int, format string, args ...any) error {
	if _, err := fmt.Fprintf(rw, format+"\r\n", args...); err != nil {
		return err
	}
	if err := rw.Flush(); err != nil {
		return err
	}
	line, err := rw.ReadString('\n')
	if err != nil {
		return err
	}
	var code int
	if _, err := fmt.Sscanf(line, "%d", &code); err != nil || code != expect {
		return fmt.Errorf("smtp: %q", strings.TrimSpace(line))
	}
	return nil
}

// Submit sends env over conn with one reader and one writer for the session.
func Submit(conn net.Conn, helo string, env Envelope) error {
	rw := bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	if err := cmd(rw, 250, "HELO %s", helo); err != nil {
		return err
	}
	if err := cmd(rw, 250, "MAIL FROM:<%s>", env.From); err != nil {
		return err
	}
	for _, to := range env.To {
		if err := cmd(rw, 250, "RCPT TO:<%s>", to); err != nil {
			return err
		}
	}
	if err := cmd(rw, 354, "DATA"); err != nil {
		return err
	}
	msg := BuildMessage(env)
	if _, err := rw.Write(msg); err != nil {
		return err
	}
	return cmd(rw, 250, ".")
}

// BuildMessage formats env's headers and dot-stuffed body; the result is the caller's.
func BuildMessage(env Envelope) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: <%s>\r\n", env.From)
	fmt.Fprintf(&b, "To: %s\r\n", strings.Join(env.To, ", "))
	fmt.Fprintf(&b, "Subject: %s\r\n\r\n", env.Subject)
	for _, line := range strings.Split(env.Body, "\n") {
		if strings.HasPrefix(line, ".") {
			b.WriteByte('.')
		}
		b.WriteString(line)
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// HeaderBlock renders headers in canonical form, sorted as given, into a string.
func HeaderBlock(keys, values []string) string {
	var sb strings.Builder
	for i, k := range keys {
		sb.WriteString(textproto.CanonicalMIMEHeaderKey(k))
		sb.WriteString(": ")
		sb.WriteString(values[i])
		sb.WriteString("\r\n")
	}
	return sb.String()
}

// WriteGreeting writes the server's 220 banner with one bufio.Writer per connection.
func WriteGreeting(conn io.Writer, host string) error {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "220 %s ESMTP ready\r\n", host)
	return bw.Flush()
}

// ReadCommand reads one command line from conn, with its own reader for this request.
func ReadCommand(conn io.Reader) (verb, arg string, err error) {
	br := bufio.NewReaderSize(conn, 1024)
	line, err := br.ReadString('\n')
	if err != nil {
		return "", "", err
	}
	line = strings.TrimRight(line, "\r\n")
	verb, arg, _ = strings.Cut(line, " ")
	return strings.ToUpper(verb), arg, nil
}

// MultilineReply writes a 250- continuation reply for the EHLO extensions.
func MultilineReply(w io.Writer, code int, lines []string) error {
	var buf bytes.Buffer
	for i, l := range lines {
		sep := '-'
		if i == len(lines)-1 {
			sep = ' '
		}
		fmt.Fprintf(&buf, "%d%c%s\r\n", code, sep, l)
	}
	_, err := buf.WriteTo(w)
	return err
}

package smtp

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"

	"example.com/probes/mixed-mailer/limits"
)

// WriteData sends a message body after DATA: lines dot-stuffed, bare LF made CRLF, the final dot line added.
func (c *Conn) WriteData(body []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, limits.MaxTextLine+2), limits.MaxTextLine+2)
	for sc.Scan() {
		line := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if len(line) > limits.MaxTextLine {
			return ErrLineTooLong
		}
		if len(line) > 0 && line[0] == '.' {
			c.w.WriteByte('.')
		}
		c.w.Write(line)
		c.w.WriteString("\r\n")
	}
	if err := sc.Err(); err != nil {
		return err
	}
	_, err := c.w.WriteString(".\r\n")
	return err
}

// stuffed dot-stuffs one line into a scratch buffer sized for the longest legal line and writes it.
func stuffed(w io.Writer, line []byte) error {
	n := min(len(line), limits.MaxTextLine)
	out := make([]byte, 0, n+3)
	if n > 0 && line[0] == '.' {
		out = append(out, '.')
	}
	out = append(out, line[:n]...)
	out = append(out, '\r', '\n')
	_, err := w.Write(out)
	return err
}

// WriteLines dot-stuffs lines that were split already.
func WriteLines(w io.Writer, lines [][]byte) error {
	for _, l := range lines {
		if err := stuffed(w, l); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, ".\r\n")
	return err
}

// Transcript writes a reply the way the delivery log shows it.
func Transcript(w io.Writer, rep Reply) {
	for i, l := range rep.Lines {
		sep := '-'
		if i == len(rep.Lines)-1 {
			sep = ' '
		}
		fmt.Fprintf(w, "<<< %d%c%s\n", rep.Code, sep, l)
	}
}

// AuthPlain builds the AUTH PLAIN initial response ("\x00user\x00pass") into a fixed scratch.
func AuthPlain(user, pass string) (string, error) {
	if len(user)+len(pass)+2 > limits.MaxCommandLine/2 {
		return "", ErrLineTooLong
	}
	raw := make([]byte, 0, len(user)+len(pass)+2)
	raw = append(raw, 0)
	raw = append(raw, user...)
	raw = append(raw, 0)
	raw = append(raw, pass...)
	return "AUTH PLAIN " + base64.StdEncoding.EncodeToString(raw), nil
}

// Package smtp speaks the client side of an SMTP conversation over any stream.
package smtp

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/probes/mixed-mailer/limits"
)

// ErrLineTooLong is returned for a command or reply past the RFC 5321 line limits.
var ErrLineTooLong = errors.New("smtp: line too long")

// Conn is one client connection.
type Conn struct {
	r    *bufio.Reader
	w    *bufio.Writer
	Ext  map[string]string
	Sent int
}

// NewConn wraps a stream.
func NewConn(rw io.ReadWriter) *Conn {
	return &Conn{r: bufio.NewReaderSize(rw, limits.MaxReplyLine), w: bufio.NewWriter(rw)}
}

// Reply is a server reply: its code and the text of every line.
type Reply struct {
	Code  int
	Lines []string
}

// Error is a reply that is not a success.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return strconv.Itoa(e.Code) + " " + e.Msg }

// Err is the reply as an error, nil for 2xx and 3xx.
func (r Reply) Err() error {
	if r.Code < 400 {
		return nil
	}
	return &Error{Code: r.Code, Msg: strings.Join(r.Lines, " ")}
}

// Cmd formats one command line and queues it; the line limit is checked before anything is written.
func (c *Conn) Cmd(format string, args ...any) error {
	var line bytes.Buffer
	fmt.Fprintf(&line, format, args...)
	if line.Len()+2 > limits.MaxCommandLine {
		return ErrLineTooLong
	}
	line.WriteString("\r\n")
	_, err := c.w.Write(line.Bytes())
	c.Sent++
	return err
}

// Pipeline formats several commands into one write (RFC 2920), the whole batch checked line by line.
func (c *Conn) Pipeline(cmds []string) error {
	var batch bytes.Buffer
	for _, cmd := range cmds {
		if len(cmd)+2 > limits.MaxCommandLine {
			return ErrLineTooLong
		}
		fmt.Fprintf(&batch, "%s\r\n", cmd)
	}
	_, err := batch.WriteTo(c.w)
	c.Sent += len(cmds)
	return err
}

// Flush sends what is queued.
func (c *Conn) Flush() error { return c.w.Flush() }

// ReadReply reads a possibly multi-line reply.
func (c *Conn) ReadReply() (Reply, error) {
	var rep Reply
	for {
		line, err := c.r.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			return rep, ErrLineTooLong
		}
		if err != nil {
			return rep, err
		}
		code, more, text, err := parseLine(line)
		if err != nil {
			return rep, err
		}
		if rep.Code != 0 && code != rep.Code {
			return rep, fmt.Errorf("smtp: code changed from %d to %d", rep.Code, code)
		}
		rep.Code = code
		rep.Lines = append(rep.Lines, text)
		if !more {
			return rep, nil
		}
	}
}

func parseLine(line []byte) (code int, more bool, text string, err error) {
	line = bytes.TrimRight(line, "\r\n")
	if len(line) < 3 {
		return 0, false, "", fmt.Errorf("smtp: short reply %q", line)
	}
	var digits [3]int
	for i := range digits {
		d := line[i]
		if d < '0' || d > '9' {
			return 0, false, "", fmt.Errorf("smtp: bad code %q", line[:3])
		}
		digits[i] = int(d - '0')
	}
	code = digits[0]*100 + digits[1]*10 + digits[2]
	if len(line) > 3 {
		more = line[3] == '-'
		text = string(line[4:])
	}
	return code, more, text, nil
}

// Hello sends EHLO and records the extensions the server offers.
func (c *Conn) Hello(domain string) error {
	if err := c.Cmd("EHLO %s", domain); err != nil {
		return err
	}
	if err := c.Flush(); err != nil {
		return err
	}
	rep, err := c.ReadReply()
	if err != nil {
		return err
	}
	if err := rep.Err(); err != nil {
		return err
	}
	c.Ext = make(map[string]string, len(rep.Lines))
	for _, l := range rep.Lines[1:] {
		k, v, _ := strings.Cut(l, " ")
		c.Ext[strings.ToUpper(k)] = v
	}
	return nil
}

// MaxSize is the SIZE extension's limit, 0 when the server names none.
func (c *Conn) MaxSize() int {
	n, _ := strconv.Atoi(c.Ext["SIZE"])
	return n
}

// Envelope sends MAIL FROM and one RCPT TO per recipient, and returns the recipients the server accepted.
func (c *Conn) Envelope(from string, rcpts []string) ([]string, error) {
	if len(rcpts) > limits.MaxRecipients {
		rcpts = rcpts[:limits.MaxRecipients]
	}
	cmds := make([]string, 0, len(rcpts)+1)
	cmds = append(cmds, "MAIL FROM:<"+from+">")
	for _, r := range rcpts {
		cmds = append(cmds, "RCPT TO:<"+r+">")
	}
	if err := c.Pipeline(cmds); err != nil {
		return nil, err
	}
	if err := c.Flush(); err != nil {
		return nil, err
	}
	if rep, err := c.ReadReply(); err != nil || rep.Err() != nil {
		return nil, errors.Join(err, rep.Err())
	}
	var accepted []string
	for _, r := range rcpts {
		rep, err := c.ReadReply()
		if err != nil {
			return accepted, err
		}
		if rep.Code/100 == 2 {
			accepted = append(accepted, r)
		}
	}
	return accepted, nil
}

// Codes reads one reply per recipient and returns how many of them were rejected.
func (c *Conn) Codes(n int) (rejected int, err error) {
	codes := make([]int, 0, min(n, limits.MaxRecipients))
	for i := 0; i < n && i < limits.MaxRecipients; i++ {
		rep, err := c.ReadReply()
		if err != nil {
			return 0, err
		}
		codes = append(codes, rep.Code)
	}
	for _, code := range codes {
		if code >= 400 {
			rejected++
		}
	}
	return rejected, nil
}

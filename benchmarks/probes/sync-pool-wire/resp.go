// Package wire holds the text wire protocols of a small metrics and messaging gateway: a RESP
// (Redis) client, SMTP submission, IRC, StatsD and DogStatsD, Prometheus exposition, InfluxDB line
// protocol, HTTP/1.1 requests, syslog RFC 5424, CSV rows, memcached and STOMP.
package wire

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// RESPConn is the part of a net.Conn the RESP client uses.
type RESPConn interface {
	io.ReadWriter
}

// WriteCommand writes args as a RESP array of bulk strings.
func WriteCommand(w io.Writer, args ...string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&buf, "$%d\r\n%s\r\n", len(a), a)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeBulk writes one bulk string to w.
func writeBulk(w io.Writer, s string) {
	io.WriteString(w, "$")
	io.WriteString(w, strconv.Itoa(len(s)))
	io.WriteString(w, "\r\n")
	io.WriteString(w, s)
	io.WriteString(w, "\r\n")
}

// WriteSet writes SET key value with an optional expiry in seconds.
func WriteSet(w io.Writer, key, value string, ttl int) error {
	buf := new(bytes.Buffer)
	n := 3
	if ttl > 0 {
		n = 5
	}
	buf.WriteString("*" + strconv.Itoa(n) + "\r\n")
	writeBulk(buf, "SET")
	writeBulk(buf, key)
	writeBulk(buf, value)
	if ttl > 0 {
		writeBulk(buf, "EX")
		writeBulk(buf, strconv.Itoa(ttl))
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Pipeline writes several commands through one bufio.Writer and flushes once.
func Pipeline(conn io.Writer, cmds [][]string) error {
	bw := bufio.NewWriter(conn)
	for _, c := range cmds {
		fmt.Fprintf(bw, "*%d\r\n", len(c))
		for _, a := range c {
			writeBulk(bw, a)
		}
	}
	return bw.Flush()
}

// InlineCommand renders args as an inline command, the telnet form.
func InlineCommand(args ...string) string {
	var sb strings.Builder
	for i, a := range args {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if strings.ContainsAny(a, " \"") {
			fmt.Fprintf(&sb, "%q", a)
			continue
		}
		sb.WriteString(a)
	}
	sb.WriteString("\r\n")
	return sb.String()
}

// EncodeReply renders a reply value the way a server writes it.
func EncodeReply(v any) []byte {
	var buf bytes.Buffer
	encodeValue(&buf, v)
	return append([]byte(nil), buf.Bytes()...)
}

func encodeValue(buf *bytes.Buffer, v any) {
	switch v := v.(type) {
	case nil:
		buf.WriteString("$-1\r\n")
	case string:
		buf.WriteString("+" + v + "\r\n")
	case int:
		fmt.Fprintf(buf, ":%d\r\n", v)
	case error:
		fmt.Fprintf(buf, "-ERR %s\r\n", v.Error())
	case []any:
		fmt.Fprintf(buf, "*%d\r\n", len(v))
		for _, e := range v {
			encodeValue(buf, e)
		}
	}
}

// Client is a RESP client over one connection; it keeps the last command it sent for retries.
type Client struct {
	conn RESPConn
	last []byte
}

// Do sends a command and keeps its bytes, so Retry can send them again: must decline.
func (c *Client) Do(args ...string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&buf, "$%d\r\n%s\r\n", len(a), a)
	}
	c.last = buf.Bytes()
	_, err := c.conn.Write(c.last)
	return err
}

// Retry sends the last command again.
func (c *Client) Retry() error {
	_, err := c.conn.Write(c.last)
	return err
}

// ReadLine reads one reply line.
func (c *Client) ReadLine() (string, error) {
	br := bufio.NewReader(c.conn)
	line, err := br.ReadString('\n')
	return strings.TrimSuffix(line, "\r\n"), err
}

// Package netproto holds the wire code of a small cache server and its clients:
// a Redis-like RESP protocol, an SMTP-like mail submitter, length-prefixed frames,
// a TCP proxy, a UDP telemetry collector and a JSON-RPC endpoint.
package netproto

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
)

// ErrProtocol reports a malformed message.
var ErrProtocol = errors.New("netproto: protocol error")

// EncodeCommand writes a RESP array of bulk strings for args to w.
func EncodeCommand(w io.Writer, args ...string) error {
	var buf bytes.Buffer
	buf.WriteByte('*')
	buf.WriteString(strconv.Itoa(len(args)))
	buf.WriteString("\r\n")
	for _, a := range args {
		buf.WriteByte('$')
		buf.WriteString(strconv.Itoa(len(a)))
		buf.WriteString("\r\n")
		buf.WriteString(a)
		buf.WriteString("\r\n")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// AppendCommand appends the RESP encoding of args to dst, allocation-free for callers
// that reuse dst.
func AppendCommand(dst []byte, args ...string) []byte {
	dst = append(dst, '*')
	dst = strconv.AppendInt(dst, int64(len(args)), 10)
	dst = append(dst, '\r', '\n')
	for _, a := range args {
		dst = append(dst, '$')
		dst = strconv.AppendInt(dst, int64(len(a)), 10)
		dst = append(dst, '\r', '\n')
		dst = append(dst, a...)
		dst = append(dst, '\r', '\n')
	}
	return dst
}

// ReadReply reads one simple reply line (+OK, -ERR, :n) from r.
func ReadReply(r io.Reader) (string, error) {
	br := bufio.NewReader(r)
	line, err := br.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimSuffix(line, "\r\n")
	if line == "" {
		return "", ErrProtocol
	}
	switch line[0] {
	case '+', ':':
		return line[1:], nil
	case '-':
		return "", errors.New(line[1:])
	}
	return "", ErrProtocol
}

// ReadBulk reads a "$n\r\n<n bytes>\r\n" bulk string; n is bounded by max.
func ReadBulk(br *bufio.Reader, max int) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err != nil {
		return nil, err
	}
	if len(line) < 3 || line[0] != '$' {
		return nil, ErrProtocol
	}
	n, err := strconv.Atoi(string(line[1 : len(line)-2]))
	if err != nil || n < 0 || n > max {
		return nil, ErrProtocol
	}
	data := make([]byte, n+2)
	if _, err := io.ReadFull(br, data); err != nil {
		return nil, err
	}
	return data[:n], nil
}

// Ping sends PING on conn and waits for PONG, one buffered reader per request.
func Ping(conn net.Conn) error {
	if err := EncodeCommand(conn, "PING"); err != nil {
		return err
	}
	reply, err := ReadReply(conn)
	if err != nil {
		return err
	}
	if reply != "PONG" {
		return fmt.Errorf("ping: unexpected reply %q", reply)
	}
	return nil
}

// WriteInfo renders the INFO reply of a server into w.
func WriteInfo(w io.Writer, keys int, clients int, version string) error {
	body := new(bytes.Buffer)
	fmt.Fprintf(body, "# Server\r\nversion:%s\r\n", version)
	fmt.Fprintf(body, "# Clients\r\nconnected_clients:%d\r\n", clients)
	fmt.Fprintf(body, "# Keyspace\r\ndb0:keys=%d\r\n", keys)
	_, err := fmt.Fprintf(w, "$%d\r\n%s\r\n", body.Len(), body.String())
	return err
}

// Session is one client connection of the server.
type Session struct {
	conn net.Conn
	rd   *bufio.Reader
	wr   *bufio.Writer
	out  bytes.Buffer // kept between commands: pipelined replies
}

// NewSession wraps conn with buffers that live as long as the connection.
func NewSession(conn net.Conn) *Session {
	return &Session{conn: conn, rd: bufio.NewReader(conn), wr: bufio.NewWriter(conn)}
}

// Queue appends a reply to the pipelined output, flushed later by Flush.
func (s *Session) Queue(reply string) {
	s.out.WriteString(reply)
	s.out.WriteString("\r\n")
}

// Flush writes the queued replies.
func (s *Session) Flush() error {
	if _, err := s.wr.Write(s.out.Bytes()); err != nil {
		return err
	}
	s.out.Reset()
	return s.wr.Flush()
}

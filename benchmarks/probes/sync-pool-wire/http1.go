package wire

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"sort"
	"strconv"
	"strings"
)

// Request is a minimal HTTP/1.1 request.
type Request struct {
	Method, Path, Host string
	Header             map[string][]string
	Body               []byte
}

func writeHeader(w io.Writer, h map[string][]string) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(w, "%s: %s\r\n", k, v)
		}
	}
}

// WriteRequest writes the request line, headers and body to conn in one write.
func WriteRequest(conn net.Conn, r *Request) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %s HTTP/1.1\r\nHost: %s\r\n", r.Method, r.Path, r.Host)
	writeHeader(&buf, r.Header)
	if len(r.Body) > 0 {
		buf.WriteString("Content-Length: " + strconv.Itoa(len(r.Body)) + "\r\n")
	}
	buf.WriteString("\r\n")
	buf.Write(r.Body)
	_, err := conn.Write(buf.Bytes())
	return err
}

// WriteRequestBuffered writes the request through a bufio.Writer over conn.
func WriteRequestBuffered(conn net.Conn, r *Request) error {
	bw := bufio.NewWriter(conn)
	fmt.Fprintf(bw, "%s %s HTTP/1.1\r\nHost: %s\r\n", r.Method, r.Path, r.Host)
	writeHeader(bw, r.Header)
	fmt.Fprintf(bw, "Content-Length: %d\r\n\r\n", len(r.Body))
	bw.Write(r.Body)
	return bw.Flush()
}

// RequestLine renders the request line for an access log.
func RequestLine(r *Request) string {
	var sb strings.Builder
	sb.WriteString(r.Method)
	sb.WriteByte(' ')
	sb.WriteString(r.Path)
	sb.WriteString(" HTTP/1.1")
	return sb.String()
}

// WriteChunked writes body in chunks of at most 4096 bytes with a trailer.
func WriteChunked(w io.Writer, body []byte) error {
	var buf bytes.Buffer
	for len(body) > 0 {
		n := len(body)
		if n > 4096 {
			n = 4096
		}
		fmt.Fprintf(&buf, "%x\r\n", n)
		buf.Write(body[:n])
		buf.WriteString("\r\n")
		body = body[n:]
	}
	buf.WriteString("0\r\n\r\n")
	_, err := buf.WriteTo(w)
	return err
}

// ReadStatus reads the status line from conn.
func ReadStatus(conn net.Conn) (int, error) {
	br := bufio.NewReader(conn)
	line, err := br.ReadString('\n')
	if err != nil {
		return 0, err
	}
	parts := strings.SplitN(line, " ", 3)
	if len(parts) < 2 {
		return 0, fmt.Errorf("bad status line %q", line)
	}
	return strconv.Atoi(parts[1])
}

// Transport sends requests from a writer goroutine.
type Transport struct {
	out chan *bytes.Buffer
}

// Send renders the request and hands the buffer itself to the writer goroutine: must decline.
func (t *Transport) Send(r *Request) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%s %s HTTP/1.1\r\nHost: %s\r\n\r\n", r.Method, r.Path, r.Host)
	t.out <- buf
}

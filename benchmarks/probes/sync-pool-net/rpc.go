package netproto

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net"
	"strconv"
	"strings"
)

// Request is a JSON-RPC 2.0 request.
type Request struct {
	Version string          `json:"jsonrpc"`
	ID      int64           `json:"id"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params,omitempty"`
}

// Response is a JSON-RPC 2.0 response.
type Response struct {
	Version string          `json:"jsonrpc"`
	ID      int64           `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *RPCError       `json:"error,omitempty"`
}

// RPCError is a JSON-RPC error object.
type RPCError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Call encodes req into a buffer and writes it on conn as one line.
func Call(conn io.Writer, req *Request) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(req); err != nil {
		return err
	}
	_, err := conn.Write(buf.Bytes())
	return err
}

// Reply writes resp with a Content-Length header (LSP-style framing).
func Reply(w io.Writer, resp *Response) error {
	body := new(bytes.Buffer)
	enc := json.NewEncoder(body)
	if err := enc.Encode(resp); err != nil {
		return err
	}
	var hdr bytes.Buffer
	hdr.WriteString("Content-Length: ")
	hdr.WriteString(strconv.Itoa(body.Len()))
	hdr.WriteString("\r\n\r\n")
	if _, err := w.Write(hdr.Bytes()); err != nil {
		return err
	}
	_, err := body.WriteTo(w)
	return err
}

// ReadResponse reads one newline-delimited response from a fresh reader over conn.
func ReadResponse(conn net.Conn) (*Response, error) {
	br := bufio.NewReader(conn)
	line, err := br.ReadBytes('\n')
	if err != nil {
		return nil, err
	}
	var resp Response
	if err := json.Unmarshal(line, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// Notify sends a notification from a goroutine so the caller does not wait; the
// encoded buffer is written later.
func Notify(conn net.Conn, method string, params any) error {
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(map[string]any{"jsonrpc": "2.0", "method": method, "params": params}); err != nil {
		return err
	}
	go conn.Write(buf.Bytes())
	return nil
}

// Marshal returns the encoded request, for a retry queue.
func Marshal(req *Request) ([]byte, error) {
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(req); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Codec writes requests on one connection, keeping its encoder and buffer.
type Codec struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewCodec makes a codec for w.
func NewCodec(w io.Writer) *Codec {
	c := &Codec{w: bufio.NewWriter(w)}
	c.enc = json.NewEncoder(&c.buf)
	return c
}

// BuildRequestLine builds an HTTP-ish request head for a proxy CONNECT with strings.Builder.
func BuildRequestLine(method, target string, headers map[string]string, order []string) string {
	var sb strings.Builder
	sb.WriteString(method)
	sb.WriteByte(' ')
	sb.WriteString(target)
	sb.WriteString(" HTTP/1.1\r\n")
	for _, k := range order {
		sb.WriteString(k)
		sb.WriteString(": ")
		sb.WriteString(headers[k])
		sb.WriteString("\r\n")
	}
	sb.WriteString("\r\n")
	return sb.String()
}

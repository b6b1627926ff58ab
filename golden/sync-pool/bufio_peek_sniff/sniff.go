// Package route tells a connection's protocol by its first bytes, the way a multiplexing proxy
// does before handing the connection on, and reads a line-protocol reply.
package route

import (
	"bufio"
	"io"
)

// Protocol is what a connection speaks.
type Protocol int

const (
	Unknown Protocol = iota
	TLS
	HTTP
	RESP
)

// Detect peeks at the first bytes of r: a TLS handshake record, an HTTP method or a RESP array.
func Detect(r io.Reader) Protocol {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	head, err := br.Peek(3)
	if err != nil {
		return Unknown
	}
	if head[0] == 0x16 && head[1] == 0x03 {
		return TLS
	}
	switch string(head) {
	case "GET", "POS", "PUT", "HEA", "DEL", "OPT":
		return HTTP
	}
	if head[0] == '*' || head[0] == '$' {
		return RESP
	}
	return Unknown
}

// Reply reads one RESP simple reply ("+OK", "-ERR …", ":42") and returns its kind and text.
func Reply(r io.Reader) (byte, string) {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	line, _, err := br.ReadLine()
	if err != nil || len(line) == 0 {
		return 0, ""
	}
	return line[0], string(line[1:])
}

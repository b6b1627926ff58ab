// Package client is a RESP client over one connection: each call reads its reply through a bufio.Reader
// over the connection field, whose 4 KiB buffer was allocated on every call.
package client

import (
	"bufio"
	"io"
	"strings"
)

// Client sends commands and reads replies on conn.
type Client struct {
	conn io.ReadWriter
}

// ReadLine reads one reply line, without its CRLF.
func (c *Client) ReadLine() (string, error) {
	br := bufio.NewReader(c.conn) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	line, err := br.ReadString('\n')
	return strings.TrimSuffix(line, "\r\n"), err
}

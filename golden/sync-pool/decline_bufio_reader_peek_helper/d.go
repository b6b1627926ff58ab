// Package sniff reports the first bytes of a stream through a helper that peeks at them.
package sniff

import (
	"bufio"
	"io"
)

// Head returns the stream's first four bytes, as the helper peeked them.
func Head(r io.Reader) []byte {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap" // declined "br is passed to peekHead, whose br"
	return peekHead(br)
}

// peekHead returns the next four bytes without consuming them: a slice of the Reader's own buffer.
func peekHead(br *bufio.Reader) []byte {
	b, _ := br.Peek(4)
	return b
}

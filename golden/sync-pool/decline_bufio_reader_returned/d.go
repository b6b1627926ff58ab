// Package frames opens framed streams.
package frames

import (
	"bufio"
	"errors"
	"io"
)

var errMagic = errors.New("frames: bad magic")

// Open checks the stream's magic byte and returns the buffered reader positioned after it: the
// caller keeps reading from it after Open returns.
func Open(r io.Reader) (*bufio.Reader, error) {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap" // declined "br is used other than by its reading methods"
	magic, err := br.ReadByte()
	if err != nil {
		return nil, err
	}
	if magic != 0x7f {
		return nil, errMagic
	}
	return br, nil
}

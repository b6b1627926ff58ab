// Package wire decodes a small binary message: a magic, a varint count, then newline-terminated
// key=value pairs, read through one buffered reader and helpers.
package wire

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"strings"
)

var errMagic = errors.New("wire: bad magic")

// Decode reads one message from r.
func Decode(r io.Reader) (map[string]string, error) {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap"
	var magic [2]byte
	if _, err := io.ReadFull(br, magic[:]); err != nil {
		return nil, err
	}
	if magic != [2]byte{'W', '1'} {
		return nil, errMagic
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	pairs := make(map[string]string, n)
	for i := uint64(0); i < n; i++ {
		k, v, err := readPair(br)
		if err != nil {
			return nil, err
		}
		pairs[k] = v
	}
	return pairs, nil
}

func readPair(br *bufio.Reader) (string, string, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		return "", "", err
	}
	k, v, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "=")
	return k, v, nil
}

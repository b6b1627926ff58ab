// Package upload streams a body to a storage node in chunks: each chunk is read into one 16 KiB
// buffer behind an 8-byte header (its length and CRC-32), and sent in one Write.
package upload

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

const headerSize = 8

// Upload sends r to w in chunks of at most 16 KiB less the header, each framed as
// length|crc32|bytes, then an empty chunk; it returns the number of data chunks sent.
func Upload(w io.Writer, r io.Reader) (int, error) {
	buf := make([]byte, 16<<10) // want "make\\(\\[\\]byte, 16384\\) escapes to heap"
	sum := crc32.NewIEEE()
	chunks := 0
	for {
		n, err := r.Read(buf[headerSize:])
		if n > 0 {
			sum.Reset()
			sum.Write(buf[headerSize : headerSize+n])
			binary.BigEndian.PutUint32(buf[0:4], uint32(n))
			binary.BigEndian.PutUint32(buf[4:8], sum.Sum32())
			if _, werr := w.Write(buf[:headerSize+n]); werr != nil {
				return chunks, werr
			}
			chunks++
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return chunks, err
		}
	}
	clear(buf[:headerSize])
	_, err := w.Write(buf[:headerSize])
	return chunks, err
}

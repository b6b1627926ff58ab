package gateway

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
)

// ErrBadChunk is returned for a malformed chunk size line.
var ErrBadChunk = errors.New("gateway: malformed chunk")

const maxChunkLine = 64

// DecodeChunked decodes a chunked body from br into w, copying each chunk through a scratch buffer.
func DecodeChunked(w io.Writer, br *bufio.Reader) (int64, error) {
	var total int64
	buf := make([]byte, copyChunk)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return total, err
		}
		size, err := strconv.ParseInt(string(bytes.TrimSpace(line)), 16, 64)
		if err != nil || size < 0 {
			return total, ErrBadChunk
		}
		if size == 0 {
			return total, nil
		}
		n, err := io.CopyBuffer(w, io.LimitReader(br, size), buf)
		total += n
		if err != nil {
			return total, err
		}
		if _, err := br.Discard(2); err != nil {
			return total, err
		}
	}
}

// EncodeChunked writes r to w in chunked transfer encoding with a scratch per call.
func EncodeChunked(w io.Writer, r io.Reader) error {
	buf := make([]byte, 8<<10)
	var size [maxChunkLine]byte
	for {
		n, err := r.Read(buf)
		if n > 0 {
			line := strconv.AppendInt(size[:0], int64(n), 16)
			line = append(line, '\r', '\n')
			if _, werr := w.Write(line); werr != nil {
				return werr
			}
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			if _, werr := io.WriteString(w, "\r\n"); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			_, werr := io.WriteString(w, "0\r\n\r\n")
			return werr
		}
		if err != nil {
			return err
		}
	}
}

// ChunkSizes lists the chunk sizes of a chunked body, for the traffic inspector.
func ChunkSizes(br *bufio.Reader) ([]int64, error) {
	var sizes []int64
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return sizes, err
		}
		size, err := strconv.ParseInt(string(bytes.TrimSpace(line)), 16, 64)
		if err != nil || size < 0 {
			return sizes, ErrBadChunk
		}
		sizes = append(sizes, size)
		if size == 0 {
			return sizes, nil
		}
		if _, err := br.Discard(int(size) + 2); err != nil {
			return sizes, err
		}
	}
}

// Trailers reads the trailer block after the last chunk into a buffer and returns it as a string.
func Trailers(br *bufio.Reader) (string, error) {
	var b bytes.Buffer
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return "", err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return b.String(), nil
		}
		b.Write(line)
	}
}

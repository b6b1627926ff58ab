package docs

import (
	"bufio"
	"bytes"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// CopyWithChecksum copies r to w through a scratch buffer, returning the CRC of what it copied.
func CopyWithChecksum(w io.Writer, r io.Reader) (uint32, error) {
	buf := make([]byte, 32*1024)
	var crc uint32
	for {
		n, err := r.Read(buf)
		if n > 0 {
			crc = crc32.Update(crc, crc32.IEEETable, buf[:n])
			if _, werr := w.Write(buf[:n]); werr != nil {
				return crc, werr
			}
		}
		if err == io.EOF {
			return crc, nil
		}
		if err != nil {
			return crc, err
		}
	}
}

// Concat writes the named files to w in order.
func Concat(w io.Writer, paths []string) error {
	buf := make([]byte, 64*1024)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		_, err = io.CopyBuffer(w, f, buf)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Indent copies r to w with prefix before every line.
func Indent(w io.Writer, r io.Reader, prefix string) error {
	br := bufio.NewReader(r)
	var line bytes.Buffer
	for {
		s, err := br.ReadString('\n')
		if len(s) > 0 {
			line.Reset()
			line.WriteString(prefix)
			line.WriteString(s)
			if _, werr := w.Write(line.Bytes()); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Wrap fills text to width columns.
func Wrap(text string, width int) string {
	var buf bytes.Buffer
	col := 0
	for _, word := range strings.Fields(text) {
		if col > 0 && col+1+len(word) > width {
			buf.WriteByte('\n')
			col = 0
		} else if col > 0 {
			buf.WriteByte(' ')
			col++
		}
		io.WriteString(&buf, word)
		col += len(word)
	}
	return buf.String()
}

// CountLines counts the lines of r, reading it in 8 KiB blocks.
func CountLines(r io.Reader) (int, error) {
	var block [8192]byte
	n := 0
	for {
		k, err := r.Read(block[:])
		n += bytes.Count(block[:k], []byte{'\n'})
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// Collect reads r fully into a buffer the caller owns (must decline: returned).
func Collect(r io.Reader) (*bytes.Buffer, error) {
	buf := new(bytes.Buffer)
	_, err := io.Copy(buf, r)
	return buf, err
}

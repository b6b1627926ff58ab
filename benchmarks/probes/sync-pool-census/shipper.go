// Package shipper is a log shipper: it tails files, batches lines and relays them to a collector.
package shipper

import (
	"bufio"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strconv"
)

// Tunables. Some are fixed for the build, some a test or a flag changes.
var (
	batchBytes   = 16 << 10 // the most one batch carries
	copyChunk    = 32 * 1024
	spoolBlock   = 4 << 10
	readAhead    = 4096 // tests shrink it to exercise short reads
	headerBytes  = 64
	scratchBytes = defaultScratch()
)

// MaxLine is the longest line shipped; operators raise it for stack traces.
var MaxLine = 8192

func defaultScratch() int {
	if os.Getenv("SHIPPER_SMALL") != "" {
		return 1024
	}
	return 8192
}

// SetReadAhead changes the tail's read size (tests, and a -readahead flag).
func SetReadAhead(n int) { readAhead = n }

// Line is one log line with its source.
type Line struct {
	Source string
	Text   string
}

// Shipper batches lines for one collector.
type Shipper struct {
	chunk int // per-collector frame size, from the handshake
	sent  int
	last  []byte
}

// NewShipper returns a shipper whose frames are chunk bytes.
func NewShipper(chunk int) *Shipper { return &Shipper{chunk: chunk} }

// Flush writes lines as one newline-separated batch.
func (s *Shipper) Flush(w io.Writer, lines []Line) error {
	buf := make([]byte, 0, batchBytes)
	for _, l := range lines {
		buf = append(buf, l.Source...)
		buf = append(buf, ' ')
		buf = append(buf, l.Text...)
		buf = append(buf, '\n')
	}
	n, err := w.Write(buf)
	s.sent += n
	return err
}

// FlushKeep writes a batch and keeps it for a retry after a failed acknowledgement.
func (s *Shipper) FlushKeep(w io.Writer, lines []Line) error {
	buf := make([]byte, 0, batchBytes)
	for _, l := range lines {
		buf = append(buf, l.Text...)
		buf = append(buf, '\n')
	}
	s.last = buf
	_, err := w.Write(buf)
	return err
}

// Relay copies a spooled stream to the collector.
func Relay(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, copyChunk)
	return io.CopyBuffer(dst, src, buf)
}

// RelayFramed copies in frames the collector negotiated.
func (s *Shipper) RelayFramed(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, s.chunk)
	return io.CopyBuffer(dst, src, buf)
}

// Checksum reads a spool block and returns its CRC.
func Checksum(r io.Reader) (uint32, error) {
	block := make([]byte, spoolBlock)
	if _, err := io.ReadFull(r, block); err != nil {
		return 0, err
	}
	return crc32.ChecksumIEEE(block), nil
}

// Tail reads what was appended to the file since off.
func Tail(r io.Reader) (int, error) {
	buf := make([]byte, readAhead)
	total := 0
	for {
		n, err := r.Read(buf)
		total += n
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// LongestLine returns the length of the longest line of r, up to MaxLine.
func LongestLine(r io.Reader) (int, error) {
	buf := make([]byte, MaxLine)
	n, err := io.ReadFull(r, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	best, cur := 0, 0
	for _, c := range buf[:n] {
		if c == '\n' {
			cur = 0
			continue
		}
		cur++
		best = max(best, cur)
	}
	return best, nil
}

// Scratch fills a scratch area from r and counts its non-zero bytes.
func Scratch(r io.Reader) (int, error) {
	buf := make([]byte, scratchBytes)
	n, err := io.ReadFull(r, buf)
	count := 0
	for _, c := range buf[:n] {
		if c != 0 {
			count++
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return count, err
}

// Header writes a fixed header of headerBytes.
func Header(w io.Writer, seq int) error {
	buf := make([]byte, headerBytes)
	copy(buf, "SHIP")
	copy(buf[4:], strconv.Itoa(seq))
	_, err := w.Write(buf)
	return err
}

// Peek returns the first spool block of r for the caller to inspect.
func Peek(r io.Reader) ([]byte, error) {
	block := make([]byte, spoolBlock)
	n, err := io.ReadFull(r, block)
	return block[:n], err
}

// Prefetch starts reading the next block in the background.
func Prefetch(r io.Reader, done chan<- int) {
	block := make([]byte, spoolBlock)
	go func() {
		n, _ := io.ReadFull(r, block)
		done <- n
	}()
}

// Count counts the lines of r through a buffered reader of copyChunk bytes.
func Count(r io.Reader) (int, error) {
	br := bufio.NewReaderSize(r, copyChunk)
	n := 0
	for {
		_, err := br.ReadSlice('\n')
		if err == io.EOF {
			return n, nil
		}
		if err != nil && err != bufio.ErrBufferFull {
			return n, err
		}
		n++
	}
}

// Describe prints a shipper's state.
func (s *Shipper) Describe(w io.Writer) {
	fmt.Fprintf(w, "chunk=%d sent=%d\n", s.chunk, s.sent)
}

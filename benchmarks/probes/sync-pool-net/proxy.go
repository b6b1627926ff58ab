package netproto

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"sync"
)

// Pipe copies both directions between a and b until either side closes.
func Pipe(a, b net.Conn) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		buf := make([]byte, 32<<10)
		io.CopyBuffer(a, b, buf)
	}()
	go func() {
		defer wg.Done()
		buf := make([]byte, 32<<10)
		io.CopyBuffer(b, a, buf)
	}()
	wg.Wait()
}

// Relay copies src to dst with a scratch buffer and reports the bytes moved.
func Relay(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, 32*1024)
	return io.CopyBuffer(dst, src, buf)
}

// RelayAsync copies src to dst on a goroutine that outlives the call; the buffer goes with it.
func RelayAsync(dst io.Writer, src io.Reader, done chan<- error) {
	buf := make([]byte, 32*1024)
	go func() {
		_, err := io.CopyBuffer(dst, src, buf)
		done <- err
	}()
}

// Sniff peeks at the first bytes of conn to tell TLS from plain text, and returns a
// reader that still yields them.
func Sniff(conn net.Conn) (bool, io.Reader, error) {
	br := bufio.NewReaderSize(conn, 512)
	head, err := br.Peek(3)
	if err != nil {
		return false, nil, err
	}
	isTLS := head[0] == 0x16 && head[1] == 0x03
	return isTLS, br, nil
}

// IsHTTP peeks at the method of a request without consuming it; the reader is per call.
func IsHTTP(r io.Reader) bool {
	br := bufio.NewReader(r)
	head, err := br.Peek(4)
	if err != nil {
		return false
	}
	switch string(head) {
	case "GET ", "POST", "PUT ", "HEAD":
		return true
	}
	return false
}

// CopyLines copies line by line from src to dst, trimming trailing spaces.
func CopyLines(dst io.Writer, src io.Reader) error {
	br := bufio.NewReader(src)
	bw := bufio.NewWriter(dst)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			bw.Write(bytes.TrimRight(line, " \t\r\n"))
			bw.WriteByte('\n')
		}
		if err == io.EOF {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
	}
}

// Tee copies src to two writers; the second is a plugin's Sink the code does not know.
type Sink interface {
	Consume(p []byte)
}

// TeeTo copies src to dst and hands every chunk to sink as well.
func TeeTo(dst io.Writer, src io.Reader, sink Sink) error {
	buf := make([]byte, 8192)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			sink.Consume(buf[:n])
			if _, werr := dst.Write(buf[:n]); werr != nil {
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

// Conn is a proxied connection that keeps its read buffer for its lifetime.
type Conn struct {
	net.Conn
	buf []byte
}

// WrapConn gives c a 16 KiB read buffer kept in the struct.
func WrapConn(c net.Conn) *Conn {
	buf := make([]byte, 16<<10)
	return &Conn{Conn: c, buf: buf}
}

// Package proxy relays a client connection to a backend: each direction is copied with a 32 KiB
// buffer of its own, and the other side's write half is closed when a side ends.
package proxy

import (
	"errors"
	"io"
	"net"
	"sync"
)

// closeWriter is a connection whose write half closes on its own (*net.TCPConn, *net.UnixConn).
type closeWriter interface{ CloseWrite() error }

// pipe copies src to dst until src ends, then closes dst's write half when it can, so the peer
// reads EOF; it returns the bytes copied.
func pipe(dst io.Writer, src io.Reader) (int64, error) {
	buf := make([]byte, 32<<10) // want "make\\(\\[\\]byte, 32768\\) escapes to heap"
	n, err := io.CopyBuffer(dst, src, buf)
	if cw, ok := dst.(closeWriter); ok {
		if cerr := cw.CloseWrite(); err == nil && !errors.Is(cerr, net.ErrClosed) {
			err = cerr
		}
	}
	return n, err
}

// Relay copies client to backend and backend to client until both directions end, closes both
// connections, and returns the bytes copied each way and the first error.
func Relay(client, backend net.Conn) (up, down int64, err error) {
	var wg sync.WaitGroup
	var upErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		up, upErr = pipe(backend, client)
	}()
	down, err = pipe(client, backend)
	wg.Wait()
	client.Close()
	backend.Close()
	if err == nil {
		err = upErr
	}
	return up, down, err
}

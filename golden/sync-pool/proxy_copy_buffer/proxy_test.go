package proxy

import (
	"bytes"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
)

// plain hides a TCP connection's ReadFrom and WriteTo, so io.CopyBuffer copies through its buffer.
type plain struct{ net.Conn }

func (c plain) CloseWrite() error { return c.Conn.(*net.TCPConn).CloseWrite() }

// listen serves each connection on a loopback listener with serve, until the test ends.
func listen(t *testing.T, serve func(net.Conn)) net.Listener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback TCP:", err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return ln
}

// TestRelay sends messages longer than the buffer through the proxy to an upper-casing backend,
// eight clients at once, and checks each gets its own message back.
func TestRelay(t *testing.T) {
	backend := listen(t, func(c net.Conn) {
		defer c.Close()
		all, _ := io.ReadAll(c)
		c.Write(bytes.ToUpper(all))
	})
	proxy := listen(t, func(c net.Conn) {
		b, err := net.Dial("tcp", backend.Addr().String())
		if err != nil {
			c.Close()
			return
		}
		Relay(plain{c}, plain{b})
	})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			msg := strings.Repeat(string(rune('a'+i)), 100000+i)
			c, err := net.Dial("tcp", proxy.Addr().String())
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			go func() {
				io.WriteString(c, msg)
				c.(*net.TCPConn).CloseWrite()
			}()
			got, err := io.ReadAll(c)
			if err != nil || string(got) != strings.ToUpper(msg) {
				t.Errorf("client %d got %d bytes back (%v), want its own %d upper-cased", i, len(got), err, len(msg))
			}
		}(i)
	}
	wg.Wait()
}

func TestAllocsPerRun(t *testing.T) {
	src := strings.NewReader(strings.Repeat("x", 1000))
	dst := struct{ io.Writer }{io.Discard} // no ReadFrom: the copy goes through the buffer
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		src.Seek(0, io.SeekStart)
		pipe(dst, struct{ io.Reader }{src})
	}))
}

package di

import (
	"errors"
	"io"
	"net"
	"time"
)

// fakeConn is an in-memory half-closable connection used by protocol tests.
type fakeConn struct {
	in       []byte
	out      []byte
	closed   bool
	wclosed  bool
	deadline time.Time
}

func (f *fakeConn) Read(p []byte) (int, error) {
	if len(f.in) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.in)
	f.in = f.in[n:]
	return n, nil
}

func (f *fakeConn) Write(p []byte) (int, error) {
	if f.wclosed {
		return 0, errors.New("write after CloseWrite")
	}
	f.out = append(f.out, p...)
	return len(p), nil
}

func (f *fakeConn) Close() error      { f.closed = true; return nil }
func (f *fakeConn) CloseWrite() error { f.wclosed = true; return nil }
func (f *fakeConn) SetDeadline(t time.Time) error {
	f.deadline = t
	return nil
}

type closeWriter interface{ CloseWrite() error }

type deadliner interface{ SetDeadline(time.Time) error }

// halfClose shuts the write side when the connection supports it, else closes fully.
func halfClose(c io.ReadWriteCloser) error {
	if cw, ok := c.(closeWriter); ok {
		return cw.CloseWrite()
	}
	return c.Close()
}

// SendRequest writes a request over a fake conn and half-closes it, as a test helper does.
func SendRequest(req string) int {
	fc := fakeConn{}
	var rwc io.ReadWriteCloser = &fc
	io.WriteString(rwc, req)
	if cw, ok := rwc.(closeWriter); ok {
		cw.CloseWrite()
	}
	return len(fc.out)
}

// Arm sets a deadline on a conn when it supports one.
func Arm(d time.Duration) bool {
	fc := fakeConn{}
	var c io.ReadWriteCloser = &fc
	if dl, ok := c.(deadliner); ok {
		dl.SetDeadline(epoch.Add(d))
	}
	return !fc.deadline.IsZero()
}

// Exchange drives a ReadWriteCloser through halfClose: the parameter is dynamic, the fake escapes.
func Exchange(payload string) int {
	fc := fakeConn{in: []byte(payload)}
	halfClose(&fc)
	return len(fc.in)
}

// Pipe copies between two conns in a goroutine; the goroutine observes the later write of done.
func Pipe(a, b net.Conn) <-chan error {
	errc := make(chan error, 1)
	go func() {
		_, err := io.Copy(a, b)
		if cw, ok := a.(closeWriter); ok {
			cw.CloseWrite()
		}
		errc <- err
	}()
	return errc
}

// Probe checks a stream for both extensions via a struct of capabilities.
type caps struct {
	stream any
	label  string
}

func Probe(data string) (bool, bool) {
	fc := fakeConn{in: []byte(data)}
	cp := caps{stream: &fc, label: "probe"}
	_, half := cp.stream.(closeWriter)
	_, dl := cp.stream.(deadliner)
	return half, dl
}

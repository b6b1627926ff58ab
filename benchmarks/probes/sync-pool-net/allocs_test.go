package netproto

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

type fakeAddr struct{}

func (fakeAddr) Network() string { return "udp" }
func (fakeAddr) String() string  { return "127.0.0.1:8125" }

// packets is a PacketConn that returns the same datagram count times.
type packets struct {
	pkt   []byte
	count int
}

func (p *packets) ReadFrom(b []byte) (int, net.Addr, error) {
	if p.count == 0 {
		return 0, nil, io.EOF
	}
	p.count--
	return copy(b, p.pkt), fakeAddr{}, nil
}
func (p *packets) WriteTo(b []byte, _ net.Addr) (int, error) { return len(b), nil }
func (p *packets) Close() error                              { return nil }
func (p *packets) LocalAddr() net.Addr                       { return fakeAddr{} }
func (p *packets) SetDeadline(time.Time) error               { return nil }
func (p *packets) SetReadDeadline(time.Time) error           { return nil }
func (p *packets) SetWriteDeadline(time.Time) error          { return nil }

func frames(n int, size int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		var hdr [4]byte
		binary.BigEndian.PutUint32(hdr[:], uint32(size))
		b.Write(hdr[:])
		b.Write(bytes.Repeat([]byte{'x'}, size))
	}
	return b.Bytes()
}

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("%s: %v allocs/op", name, testing.AllocsPerRun(100, f))
}

func TestAllocsPerRun(t *testing.T) {
	allocs(t, "EncodeCommand", func() { EncodeCommand(io.Discard, "SET", "key", "value") })
	allocs(t, "WriteInfo", func() { WriteInfo(io.Discard, 10, 2, "7.2") })
	allocs(t, "ReadReply", func() { ReadReply(strings.NewReader("+OK\r\n")) })
	allocs(t, "HeaderBlock", func() { HeaderBlock([]string{"content-type"}, []string{"text/plain"}) })
	allocs(t, "WriteGreeting", func() { WriteGreeting(io.Discard, "mx.example.com") })
	allocs(t, "ReadCommand", func() { ReadCommand(strings.NewReader("MAIL FROM:<a@b>\r\n")) })
	allocs(t, "MultilineReply", func() { MultilineReply(io.Discard, 250, []string{"mx", "8BITMIME", "SIZE"}) })
	in := frames(3, 1000)
	allocs(t, "SkipFrames", func() { SkipFrames(bytes.NewReader(in), 3) })
	allocs(t, "FrameChecksum", func() { FrameChecksum(bytes.NewReader(in)) })
	payload := bytes.Repeat([]byte("hello "), 100)
	allocs(t, "WriteCompressed", func() { WriteCompressed(io.Discard, payload) })
	allocs(t, "GzipMessage", func() { GzipMessage(io.Discard, "hello hello hello") })
	allocs(t, "Upload", func() { Upload(io.Discard, bytes.NewReader(payload)) })
	allocs(t, "Relay", func() { Relay(io.Discard, bytes.NewReader(payload)) })
	allocs(t, "IsHTTP", func() { IsHTTP(strings.NewReader("GET / HTTP/1.1\r\n")) })
	allocs(t, "CopyLines", func() { CopyLines(io.Discard, strings.NewReader("a  \nb\t\n")) })
	pkt := []byte("requests:12\nlatency:40\n")
	allocs(t, "ReceiveOne", func() { ReceiveOne(&packets{pkt: pkt, count: 1}) })
	allocs(t, "Serve", func() { Serve(&packets{pkt: pkt, count: 2}, func([]Metric) {}) })
	allocs(t, "Echo", func() { Echo(&packets{pkt: pkt, count: 2}, 2) })
	ms := []Metric{{"requests", 12}, {"latency", 40}}
	allocs(t, "SendBatch", func() { SendBatch(&packets{}, fakeAddr{}, ms) })
	req := &Request{Version: "2.0", ID: 1, Method: "ping"}
	allocs(t, "Call", func() { Call(io.Discard, req) })
	resp := &Response{Version: "2.0", ID: 1, Result: []byte(`"pong"`)}
	allocs(t, "Reply", func() { Reply(io.Discard, resp) })
	allocs(t, "BuildRequestLine", func() {
		BuildRequestLine("CONNECT", "example.com:443", map[string]string{"Host": "example.com"}, []string{"Host"})
	})
}

func TestRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCompressed(&b, []byte("payload")); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFrame(&b); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	EncodeCommand(&b, "GET", "k")
	if got := string(AppendCommand(nil, "GET", "k")); got != b.String() {
		t.Fatalf("%q != %q", got, b.String())
	}
	br := bufio.NewReader(strings.NewReader("$3\r\nabc\r\n"))
	if v, err := ReadBulk(br, 10); err != nil || string(v) != "abc" {
		t.Fatal(v, err)
	}
	if got := ParseDatagram([]byte("a:1\nb:2")); len(got) != 2 {
		t.Fatal(got)
	}
	var out bytes.Buffer
	if _, err := Upload(&out, strings.NewReader("abc")); err != nil || out.Len() != 7 {
		t.Fatal(out.Len(), err)
	}
}

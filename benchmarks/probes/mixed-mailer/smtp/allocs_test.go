package smtp

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
)

type rw struct {
	io.Reader
	io.Writer
}

func TestConversation(t *testing.T) {
	server := "250-mx.example.com\r\n250-SIZE 1000\r\n250 PIPELINING\r\n" +
		"250 ok\r\n250 ok\r\n550 5.1.1 no such user\r\n"
	var sent bytes.Buffer
	c := NewConn(rw{strings.NewReader(server), &sent})
	if err := c.Hello("client.example.org"); err != nil {
		t.Fatal(err)
	}
	if c.MaxSize() != 1000 {
		t.Fatal(c.Ext)
	}
	acc, err := c.Envelope("a@x.org", []string{"b@y.org", "c@y.org"})
	if err != nil || len(acc) != 1 || acc[0] != "b@y.org" {
		t.Fatal(acc, err)
	}
	want := "EHLO client.example.org\r\nMAIL FROM:<a@x.org>\r\nRCPT TO:<b@y.org>\r\nRCPT TO:<c@y.org>\r\n"
	if sent.String() != want {
		t.Fatalf("%q", sent.String())
	}
	if err := c.Cmd("MAIL FROM:<%s>", strings.Repeat("x", 600)); err != ErrLineTooLong {
		t.Fatal(err)
	}
}

func TestAllocs(t *testing.T) {
	c := &Conn{w: bufio.NewWriter(io.Discard)}
	allocs(t, "Cmd", func() { c.Cmd("RCPT TO:<%s>", "someone@example.com") })
	cmds := []string{"MAIL FROM:<a@x.org>", "RCPT TO:<b@y.org>", "DATA"}
	allocs(t, "Pipeline", func() { c.Pipeline(cmds) })
	replies := strings.Repeat("250 ok\r\n", 3) + "550 5.1.1 unknown\r\n"
	rc := &Conn{}
	n, err := func() (int, error) { rc.r = bufio.NewReader(strings.NewReader(replies)); return rc.Codes(4) }()
	if err != nil || n != 1 {
		t.Fatal(n, err)
	}
	allocs(t, "Codes", func() { rc.r.Reset(strings.NewReader(replies)); rc.Codes(4) })
	s, err := AuthPlain("user", "pass")
	if err != nil || s != "AUTH PLAIN AHVzZXIAcGFzcw==" {
		t.Fatal(s, err)
	}
	allocs(t, "AuthPlain", func() { AuthPlain("user", "pass") })
	lines := [][]byte{[]byte("hello"), []byte(".hidden")}
	var out bytes.Buffer
	WriteLines(&out, lines)
	if out.String() != "hello\r\n..hidden\r\n.\r\n" {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "WriteLines", func() { WriteLines(io.Discard, lines) })
	ec := &Conn{w: bufio.NewWriter(io.Discard)}
	allocs(t, "Envelope", func() {
		ec.r = bufio.NewReader(strings.NewReader("250 ok\r\n250 ok\r\n"))
		ec.Envelope("a@x.org", []string{"b@y.org"})
	})
	allocs(t, "WriteData", func() { ec.WriteData([]byte("line one\n.two\n")) })
	var tr bytes.Buffer
	Transcript(&tr, Reply{250, []string{"a", "b"}})
	if tr.String() != "<<< 250-a\n<<< 250 b\n" {
		t.Fatalf("%q", tr.String())
	}
}

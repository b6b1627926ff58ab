package client

import (
	"io"
	"strings"
	"testing"
)

type pipe struct {
	io.Reader
	io.Writer
}

func TestReadLine(t *testing.T) {
	for _, reply := range []string{"+OK", "-ERR unknown command", ":42"} {
		c := &Client{conn: pipe{strings.NewReader(reply + "\r\nrest"), io.Discard}}
		got, err := c.ReadLine()
		if err != nil || got != reply {
			t.Fatalf("ReadLine = %q, %v; want %q", got, err, reply)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	c := &Client{}
	t.Logf("ReadLine: %v allocs/op", testing.AllocsPerRun(200, func() {
		c.conn = pipe{strings.NewReader("+OK\r\n"), io.Discard}
		c.ReadLine()
	}))
}

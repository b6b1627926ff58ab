package wire

import (
	"bytes"
	"io"
	"testing"
)

func TestFrameThroughCounter(t *testing.T) {
	var out bytes.Buffer
	c := NewCounter(&out)
	for _, m := range []string{"ping", "pong"} {
		if err := Frame(c, "msg", []byte(m)); err != nil {
			t.Fatal(err)
		}
	}
	if got := out.String(); got != "4 msg ping\n4 msg pong\n" || c.Written() != int64(out.Len()) {
		t.Fatalf("out = %q, counted %d", got, c.Written())
	}
}

func TestAllocsPerRun(t *testing.T) {
	c := NewCounter(io.Discard)
	payload := []byte("hello")
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Frame(c, "msg", payload) }))
}

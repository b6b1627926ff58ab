package frame

import (
	"bytes"
	"io"
	"testing"
)

func TestSend(t *testing.T) {
	var out bytes.Buffer
	for _, c := range []Call{{Method: "Store.Put", Seq: 12345678}, {Method: "Get", Seq: 1}} {
		out.Reset()
		if err := Send(&out, c); err != nil {
			t.Fatal(err)
		}
		b := out.Bytes()
		if n := int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]); n != len(b)-4 {
			t.Fatalf("prefix %d for %q", n, b[4:])
		}
	}
	if got := out.String()[4:]; got != "{\"method\":\"Get\",\"seq\":1}\n" {
		t.Fatalf("frame %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Send(io.Discard, Call{Method: "Get", Seq: 1}) }))
}

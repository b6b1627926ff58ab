package fixmsg

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var order = Order{ClOrdID: "ORD1", Symbol: "ACME", Side: '1', Price: 1234500, Qty: 300}

func TestAllocs(t *testing.T) {
	var out bytes.Buffer
	if err := Encode(&out, order); err != nil {
		t.Fatal(err)
	}
	msg := out.String()
	if !strings.Contains(msg, "55=ACME    \x01") || !strings.Contains(msg, "44=000001234500\x01") ||
		!strings.Contains(msg, "38=000000300\x01") {
		t.Fatalf("%q", msg)
	}
	if !Verify(out.Bytes()) {
		t.Fatalf("checksum %q", msg)
	}
	allocs(t, "Encode", func() { Encode(io.Discard, order) })
	allocs(t, "Verify", func() { Verify(out.Bytes()) })
	if n := Fields(out.Bytes(), 4); n != 4 {
		t.Fatal(n)
	}
	allocs(t, "Fields", func() { Fields(out.Bytes(), 4) })
	out.Reset()
	Heartbeat(&out, 42)
	if !strings.Contains(out.String(), "34=000000042\x01") || !Verify(out.Bytes()) {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Heartbeat", func() { Heartbeat(io.Discard, 42) })
	if f := Frame(order); !bytes.Equal(f, []byte(msg)) {
		t.Fatal(string(f))
	}
}

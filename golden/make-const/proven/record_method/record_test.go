package record

import (
	"bytes"
	"testing"
)

// want folds the first n bytes of wire (zeros past its end) as Digest does.
func want(h *header, wire []byte) uint32 {
	n := int(h.length)
	if n > maxFragment {
		n = maxFragment
	}
	var sum uint32
	for i := 0; i < n; i++ {
		var b byte
		if i < len(wire) {
			b = wire[i]
		}
		sum = sum*16777619 ^ uint32(b)
	}
	return sum ^ uint32(h.typ)
}

func TestBehaviour(t *testing.T) {
	wire := bytes.Repeat([]byte("fragment "), 40)
	for _, h := range []*header{{Handshake, 0}, {AppData, 5}, {AppData, 200}, {AppData, 201}, {Handshake, 65535}} {
		if got := Digest(h, wire); got != want(h, wire) {
			t.Fatalf("Digest(%+v) = %#x, want %#x", *h, got, want(h, wire))
		}
		if got := Digest(h, wire[:3]); got != want(h, wire[:3]) {
			t.Fatalf("Digest(%+v, short) = %#x, want %#x", *h, got, want(h, wire[:3]))
		}
	}
	defer func() {
		if recover() == nil {
			t.Fatal("Digest(nil) did not panic")
		}
	}()
	Digest(nil, wire)
}

func TestAllocs(t *testing.T) {
	wire := bytes.Repeat([]byte("fragment "), 40)
	h := &header{AppData, 180}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Digest(h, wire) }))
}

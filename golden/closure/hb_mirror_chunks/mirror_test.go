package mirror

import (
	"bytes"
	"io"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write([]byte("hello, mirror"), []io.Writer{&a, &b}, 4); err != nil {
		t.Fatal(err)
	}
	if a.String() != "hello, mirror" || b.String() != "hello, mirror" {
		t.Fatalf("got %q and %q", a.String(), b.String())
	}
}

func TestAllocs(t *testing.T) {
	src := []byte("0123456789abcdef0123456789abcdef")
	dsts := []io.Writer{io.Discard, io.Discard, io.Discard}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Write(src, dsts, 8) }))
}

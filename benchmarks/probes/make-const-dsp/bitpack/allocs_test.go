package bitpack

import (
	"bytes"
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	s := make([]uint16, 200)
	allocs(t, "Pack12", func() { Pack12(io.Discard, s) })
	u := make([]uint32, 200)
	allocs(t, "Checksum", func() { Checksum(u, 20) })
	v := make([]bool, 600)
	allocs(t, "Mask", func() { Mask(v) })
	data := make([]byte, 1024)
	dst := make([]int32, 256)
	r := bytes.NewReader(data)
	allocs(t, "Unpack", func() { r.Reset(data); Unpack(r, dst, 200, 12) })
}

func TestPack12(t *testing.T) {
	var b bytes.Buffer
	if err := Pack12(&b, []uint16{0xABC, 0x123}); err != nil || !bytes.Equal(b.Bytes(), []byte{0xBC, 0x3A, 0x12}) {
		t.Fatalf("%x %v", b.Bytes(), err)
	}
}

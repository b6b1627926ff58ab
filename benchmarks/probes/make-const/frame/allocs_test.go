package frame

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	body := bytes.Repeat([]byte("k"), 300)
	h := Header{Version: 2, KeyLen: 200, Fields: 15, Length: 100}
	allocs(t, "Key", func() { Key(h, body) })
	allocs(t, "Offsets", func() { Offsets(h, body) })
	allocs(t, "Trailer", func() { Trailer(h, body) })
	vals := make([]uint64, 15)
	dst := make([]byte, 0, 1024)
	allocs(t, "AppendFields", func() { AppendFields(dst[:0], vals) })
	enc, _ := AppendFields(nil, []uint64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	allocs(t, "SumFields", func() { SumFields(enc) })
	kb := append([]byte{200}, body...)
	kb[0] = 100
	allocs(t, "KeyPrefix", func() { KeyPrefix(kb) })
	allocs(t, "BlockSums", func() { BlockSums(body) })
	allocs(t, "Lanes", func() { Lanes(body, 8) })
	allocs(t, "Words32", func() { Words32(body) })
}

func TestAllocsCodec(t *testing.T) {
	key := string(bytes.Repeat([]byte("k"), 200))
	allocs(t, "LengthPrefix", func() { LengthPrefix(1<<40, key) })
	d := &Decoder{buf: []byte(key), keyLen: 150}
	allocs(t, "DecoderKey", func() { d.Key() })
	lb := append([]byte{60}, key...)
	allocs(t, "Label", func() { Label(lb) })
	p := bytes.Repeat([]byte("p"), 400)
	allocs(t, "Rest", func() { Rest(p, 12) })
	num := string(bytes.Repeat([]byte("7"), 100))
	allocs(t, "Number", func() { Number(num) })
	allocs(t, "Vector", func() { Vector([]byte{0xff, 0xc0}) })
	allocs(t, "Columns", func() { Columns(p, 15) })
	allocs(t, "Padded", func() { Padded(key) })
}

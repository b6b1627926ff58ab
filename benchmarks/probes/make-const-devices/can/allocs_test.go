package can

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	f := &Frame{ID: 0x18ff50e5, Len: 48}
	for i := range f.Data {
		f.Data[i] = byte(i)
	}
	dst := make([]byte, 0, 128)
	allocs(t, "AppendWire", func() { AppendWire(dst, f) })
	allocs(t, "PayloadCRC", func() { PayloadCRC(15, f.Data[:]) })
	allocs(t, "ClassicPayload", func() { ClassicPayload(dst, 12, f.Data[:]) })
	small := &Frame{Len: 6}
	allocs(t, "PaddedCRC", func() { PaddedCRC(small) })
	allocs(t, "HexPayload", func() { HexPayload(f) })
	var out Frame
	wire, _ := AppendWire(nil, f)
	allocs(t, "Decode", func() { Decode(wire, &out) })
	frames := [][8]byte{{0x10, 40, 1, 2, 3, 4, 5, 6}}
	for i := 1; i <= 5; i++ {
		frames = append(frames, [8]byte{0x20 | byte(i), 1, 2, 3, 4, 5, 6, 7})
	}
	allocs(t, "MessageCRC", func() { MessageCRC(frames) })
	var s Session
	allocs(t, "Session.Start", func() { s.Start(frames[0]) })
	msg := make([]byte, 300)
	allocs(t, "SplitCRC", func() { SplitCRC(msg) })
}

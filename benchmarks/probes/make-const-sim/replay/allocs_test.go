package replay

import "testing"

func TestAllocs(t *testing.T) {
	var r Ring
	for i := 0; i < 200; i++ {
		r.Push(Input{Tick: uint32(i), Buttons: uint16(i % 7)})
	}
	if r.Last(10) == 0 {
		t.Fatal("Last")
	}
	allocs(t, "Last", func() { r.Last(60) })
	frames := make([]Input, 50)
	for i := range frames {
		frames[i].Tick = uint32(i)
	}
	if Checksum(frames) == 0 {
		t.Fatal("Checksum")
	}
	allocs(t, "Checksum", func() { Checksum(frames) })
	data := Encode(frames)
	chunk := append([]byte{50, 0}, data...)
	if s, err := Decode(chunk); s != 49*50/2 || err != nil {
		t.Fatal("Decode", s, err)
	}
	allocs(t, "Decode", func() { Decode(chunk) })
	allocs(t, "CRC", func() { CRC(frames) })
	var a, b Snapshot
	for i := 0; i < 20; i++ {
		a.Add(uint64(i))
		b.Add(uint64(i % 3))
	}
	if n := Delta(&a, &b); n != 17 {
		t.Fatal("Delta", n)
	}
	allocs(t, "Delta", func() { Delta(&a, &b) })
}

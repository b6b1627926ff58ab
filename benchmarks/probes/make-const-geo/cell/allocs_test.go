package cell

import "testing"

func TestAllocs(t *testing.T) {
	c, err := Parse("8A2A1072B59FFFF")
	if err != nil || c != 0x8a2a1072b59ffff {
		t.Fatal("Parse", c, err)
	}
	allocs(t, "Parse", func() { Parse("8A2A1072B59FFFFF") })
	p, err := Path(c, 3)
	if err != nil || len(p) < 5 {
		t.Fatal("Path", p, err)
	}
	allocs(t, "Path", func() { Path(c, 15) })
	step := func(c Cell, i int) Cell { return c + Cell(i%5) }
	if n, err := RingSize(c, 2, step); err != nil || n < 2 {
		t.Fatal("RingSize", n, err)
	}
	allocs(t, "RingSize", func() { RingSize(c, 3, step) })
	batch := make([]Cell, 32)
	for i := range batch {
		batch[i] = c + Cell(i)
	}
	s, err := JoinHex(batch[:2])
	if err != nil || s != "8a2a1072b59ffff,8a2a1072b5a0000" {
		t.Fatal("JoinHex", s, err)
	}
	allocs(t, "JoinHex", func() { JoinHex(batch) })
}

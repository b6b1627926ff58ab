package pack

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	src := bytes.Repeat([]byte("aaabccccdd"), 20)
	dst := make([]byte, 1024)
	allocs(t, "RLE", func() { RLE(dst, src) })
	allocs(t, "FrameCRC", func() { FrameCRC(7, src) })
	allocs(t, "Matches", func() { Matches(src, 10) })
	freqs := make([]uint32, 286)
	for i := range freqs {
		freqs[i] = uint32(i % 17)
	}
	allocs(t, "CodeLengths", func() { CodeLengths(freqs) })
	vals := []uint64{1, 300, 70000, 1 << 40, 5, 6, 7, 8, 9, 10}
	allocs(t, "PutVarints", func() { PutVarints(dst, vals) })
	allocs(t, "Armor", func() { Armor(dst, src[:90]) })
	sums := make([]uint32, 8)
	big := bytes.Repeat(src, 100)
	allocs(t, "Adler32", func() { Adler32(big, sums) })
	blk := append([]byte{1, 10, 0, 40}, bytes.Repeat(src, 2)...)
	allocs(t, "SumColumns", func() { SumColumns(blk) })
}

func TestPack(t *testing.T) {
	dst := make([]byte, 16)
	if n, _ := RLE(dst, []byte("aaab")); n != 4 || dst[0] != 3 || dst[2] != 1 {
		t.Fatal(dst[:n])
	}
	if c, _ := FrameCRC(1, []byte("x")); c == 0 {
		t.Fatal(c)
	}
	if n, _ := Armor(dst, []byte("hi!")); string(dst[:n]) != "aGkh" {
		t.Fatal(string(dst[:n]))
	}
	if n, _ := PutVarints(dst, []uint64{300, 1}); n != 3 || dst[0] != 0xac {
		t.Fatal(dst[:n])
	}
}

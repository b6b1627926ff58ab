package compress

import (
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	block := []byte(strings.Repeat("abracadabra, said the wizard. ", 40))
	m, l := MatchStats(block, 16)
	if m == 0 || l == 0 || l > 40 {
		t.Fatal("MatchStats", m, l)
	}
	allocs(t, "MatchStats", func() { MatchStats(block, 16) })
	var mt Matcher
	if mt.Reset(1024) != nil || cap(mt.window) != 1024 {
		t.Fatal("Reset")
	}
	if n := LongestRun([]byte("abbbbc")); n != 4 {
		t.Fatal("LongestRun", n)
	}
	allocs(t, "LongestRun", func() { LongestRun(block) })
	row := []byte(strings.Repeat("aaaabbbcc", 60))
	if n := RLESize(row); n != 360 {
		t.Fatal("RLESize", n)
	}
	allocs(t, "RLESize", func() { RLESize(row) })
	if r := RunLengths([]byte("aab")); len(r) != 2 {
		t.Fatal("RunLengths")
	}
	ts := make([]int64, ChunkPoints)
	for i := range ts {
		ts[i] = int64(1000*i + i%3)
	}
	var w BitWriter
	w.out = make([]byte, 0, 4096)
	if n, err := DeltaOfDelta(&w, ts); err != nil || n == 0 {
		t.Fatal("DeltaOfDelta", n, err)
	}
	allocs(t, "DeltaOfDelta", func() { w.out = w.out[:0]; DeltaOfDelta(&w, ts) })
	vals := make([]uint64, 200)
	for i := range vals {
		vals[i] = uint64(i * i)
	}
	if XORFloats(vals) == 0 {
		t.Fatal("XORFloats")
	}
	allocs(t, "XORFloats", func() { XORFloats(vals) })
	freq := make([]uint32, MaxSymbols)
	for i := range freq {
		freq[i] = uint32(i%17 + 1)
	}
	lengths := make([]uint8, MaxSymbols)
	if err := CodeLengths(freq, lengths); err != nil || lengths[0] == 0 {
		t.Fatal("CodeLengths", err)
	}
	if x, err := CanonicalCodes(lengths); err != nil || x == 0 {
		t.Fatal("CanonicalCodes", err)
	}
	allocs(t, "CanonicalCodes", func() { CanonicalCodes(lengths) })
	if n := LengthHistogram(lengths, MaxCodeLen); n < 2 {
		t.Fatal("LengthHistogram", n)
	}
	allocs(t, "LengthHistogram", func() { LengthHistogram(lengths, MaxCodeLen) })
	deltas := make([]uint32, 128)
	for i := range deltas {
		deltas[i] = uint32(i % 13)
	}
	if PackedSize(deltas, 4) != 64 {
		t.Fatal("PackedSize")
	}
	if PackBlock(deltas, 4) == 0 {
		t.Fatal("PackBlock")
	}
	allocs(t, "PackBlock", func() { PackBlock(deltas, 4) })
	if len(Pack(deltas, 4)) != 64 {
		t.Fatal("Pack")
	}
}

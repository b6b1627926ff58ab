package wire

import (
	"io"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	vals := []uint64{1, 300, 70000, 1 << 40, 5, 6, 7, 8}
	allocs(t, "PackedSize", func() { PackedSize(4, vals) })
	allocs(t, "WritePacked", func() { WritePacked(io.Discard, 4, vals) })
	sv := []int64{-1, 2, -300, 4000, 5, -6}
	allocs(t, "ZigzagSize", func() { ZigzagSize(sv) })
	allocs(t, "TagEqual", func() { TagEqual([]byte{0x92, 0x3e, 1}, 1000, Bytes) })
	p := &Point{Name: "cpu.load.average.one-minute", Value: -42, Tags: []uint32{1, 2, 3, 40000, 5}}
	allocs(t, "Size", func() { p.Size() })
	allocs(t, "WriteTo", func() { p.WriteTo(io.Discard) })
	allocs(t, "Checksum", func() { p.Checksum() })
}

package page

import (
	"encoding/binary"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	var p Page
	binary.LittleEndian.PutUint16(p[offSlots:], 40)
	for i := 0; i < 40; i++ {
		binary.LittleEndian.PutUint16(p[24+4*i:], uint16(4000-i*37))
	}
	allocs(t, "Fragmentation", func() { p.Fragmentation() })
	allocs(t, "LiveSlots", func() { p.LiveSlots() })
	nd := &Node{n: 20}
	for i := range nd.keys {
		nd.keys[i] = uint64(1000 - i)
	}
	allocs(t, "Median", func() { nd.Median() })
	keys := [][]byte{[]byte("user/0001/a"), []byte("user/0001/b"), []byte("user/0002")}
	allocs(t, "PrefixLen", func() { PrefixLen(keys) })
	f := NewFilter(1000, 7)
	f.Add([]byte("x"))
	allocs(t, "MayContain", func() { f.MayContain([]byte("x")) })
	allocs(t, "Popcount", func() { f.Popcount(100) })
}

package rowkey

import (
	"testing"

	"example.com/recfmt/limits"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "RowKey", func() { RowKey("customers_by_region", 1234567) })
	v := []byte("some\x00value with a zero")
	allocs(t, "IndexKey", func() { IndexKey("by_name", "last_name", v) })
	vals := []uint64{1, 300, 70000, 1 << 40, 5}
	allocs(t, "PutUvarints", func() { PutUvarints(vals) })
	allocs(t, "CompositeKey", func() { CompositeKey(1<<20, 7, 1<<50) })
	enc := []byte{3, 1, 2, 3}
	allocs(t, "Uvarints", func() { Uvarints(enc) })
	u := make([]uint32, 40)
	allocs(t, "Pack", func() { Pack(u, 12) })
	allocs(t, "Bitmap", func() { Bitmap(func(i int) bool { return i%3 == 0 }, 1000) })
	ks := []limits.Kind{0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}
	allocs(t, "Kinds", func() { Kinds(ks) })
	rec := append([]byte{60}, make([]byte, 60)...)
	allocs(t, "Scan", func() { Scan(rec) })
}

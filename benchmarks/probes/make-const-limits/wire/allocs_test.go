package wire

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	ring := make([]byte, 1<<17)
	allocs(t, "Checksum", func() { _, _ = Checksum(ring, 10, 1<<16) })
	topic := append([]byte{5}, "orders"...)
	allocs(t, "Topic", func() { _, _ = Topic(topic) })
	hdr := []byte{0, 3, 1, 'a', 1, 'b', 1, 'c'}
	allocs(t, "HeaderOffsets", func() { _, _ = HeaderOffsets(hdr) })
	key := []byte("Tenant-42/Orders")
	allocs(t, "KeyHash", func() { KeyHash(key) })
	body := make([]byte, 1000)
	allocs(t, "PaddedLen", func() { _, _ = PaddedLen(body) })
	tail := make([]byte, 2000)
	allocs(t, "Trailer", func() { _, _ = Trailer(tail, 1024) })
	allocs(t, "Echo", func() { _, _ = Echo(body) })
	ids := []uint32{1, 2, 3}
	allocs(t, "BatchSum", func() { _, _ = BatchSum(ids, 3) })
	allocs(t, "LineSum", func() { _, _ = LineSum(key) })
	allocs(t, "RecordSum", func() { _, _ = RecordSum(key) })
	allocs(t, "ChunkSum", func() { _, _ = ChunkSum(key) })
	allocs(t, "WindowSum", func() { _, _ = WindowSum(key) })
	allocs(t, "FieldSum", func() { _, _ = FieldSum(key) })
}

func TestValues(t *testing.T) {
	if s, err := Topic(append([]byte{6}, "orders"...)); err != nil || s != "orders" {
		t.Fatal(s, err)
	}
	if _, err := Checksum(make([]byte, 1<<17), 0, 1<<16+1); err != errTooBig {
		t.Fatal(err)
	}
	if n, err := PaddedLen(make([]byte, 10)); err != nil || n != 18 {
		t.Fatal(n, err)
	}
	if _, err := Trailer(make([]byte, 2000), 1025); err != errTooBig {
		t.Fatal(err)
	}
}

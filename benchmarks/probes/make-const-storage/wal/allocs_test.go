package wal

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	p := make([]byte, 300)
	allocs(t, "Checksum", func() { Checksum(1, p) })
	key, val := []byte("user/42/profile"), make([]byte, 100)
	allocs(t, "KVChecksum", func() { KVChecksum(key, val) })
	recs := [][]byte{p, p[:10], p[:200]}
	allocs(t, "BatchChecksum", func() { BatchChecksum(recs) })
	rec := make([]byte, 9+300)
	rec[4] = 44
	rec[5] = 1
	allocs(t, "Verify", func() { Verify(rec) })
}

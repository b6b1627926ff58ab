package snapshot

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	w := &World{Tick: 7, Entities: make([]Entity, 40)}
	allocs(t, "StateHash", func() { w.StateHash() })
	allocs(t, "DeltaCount", func() { DeltaCount(w, w) })
	allocs(t, "HPHistogram", func() { HPHistogram(w.Entities, 2) })
	var id [16]byte
	allocs(t, "ULID", func() { ULID(id) })
	allocs(t, "ParseUUID", func() { ParseUUID("123e4567-e89b-12d3-a456-426614174000") })
	mac := []byte{1, 2, 3, 4, 5, 6}
	allocs(t, "MAC", func() { MAC(mac) })
	ip := []byte{192, 168, 100, 1}
	allocs(t, "IPv4", func() { IPv4(ip) })
	ids := make([][16]byte, 3)
	allocs(t, "JoinIDs", func() { JoinIDs(ids, ',') })
}

func TestFormats(t *testing.T) {
	if got := IPv4([]byte{192, 168, 0, 10}); got != "192.168.0.10" {
		t.Fatal(got)
	}
	if got := MAC([]byte{1, 2, 3, 4, 5, 0xab}); got != "01:02:03:04:05:ab" {
		t.Fatal(got)
	}
	if len(ULID([16]byte{1})) != 26 {
		t.Fatal("ulid length")
	}
}

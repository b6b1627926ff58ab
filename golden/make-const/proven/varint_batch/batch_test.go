package batch

import "testing"

func TestBehaviour(t *testing.T) {
	if got, err := Digest([]uint64{1, 300, 1 << 40}); err != nil || got != 0x6ce24a87d385ac56 {
		t.Fatalf("%#x %v", got, err)
	}
	if _, err := Digest(make([]uint64, maxBatch+1)); err == nil {
		t.Fatal("a long batch was accepted")
	}
}

func TestAllocs(t *testing.T) {
	counters := []uint64{1, 2, 3, 4, 5, 6, 7, 8}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Digest(counters) }))
}

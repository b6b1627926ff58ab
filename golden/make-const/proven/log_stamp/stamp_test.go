package stamp

import (
	"hash/fnv"
	"testing"
	"time"
)

func sum(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func TestBehaviour(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.FixedZone("", -7*3600))
	if Sum(at, false, 'I') != sum("2024-05-06 07:08:09 [I] ") {
		t.Fatal("compact prefix")
	}
	if Sum(at, true, 'W') != sum("2024-05-06T07:08:09.123456789-07:00 [W] ") {
		t.Fatal("precise prefix")
	}
}

func TestAllocs(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.UTC)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sum(at, true, 'I') }))
}

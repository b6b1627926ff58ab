package key

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if Shard(strings.Repeat("t", 65), "/", 0, 8) != -1 || Shard("t", strings.Repeat("r", 129), 0, 8) != -1 {
		t.Fatal("a long tenant or route sharded")
	}
	a, b := Shard("acme", "/v1/items", 1700000000, 1<<31), Shard("acme", "/v1/items", 1700000001, 1<<31)
	if a < 0 || a == b {
		t.Fatal(a, b)
	}
	if Shard(strings.Repeat("t", 64), strings.Repeat("r", 128), -1<<63, 7) < 0 {
		t.Fatal("the longest key")
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() {
		Shard("tenant-acme-corporation", "/api/v2/orders/{id}/items", 1700000000, 64)
	}))
}

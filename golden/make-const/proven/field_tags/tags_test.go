package tags

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := (Tag{"host", "db1"}).Hash(); got != 0xc7ee32b05a51edd7 {
		t.Fatalf("%#x", got)
	}
	long := strings.Repeat("v", maxTag)
	if (Tag{long, long}).Hash() == 0 {
		t.Fatal("a 40-byte tag was refused")
	}
	if (Tag{"host", long + "v"}).Hash() != 0 {
		t.Fatal("a 41-byte value was accepted")
	}
}

func TestAllocs(t *testing.T) {
	tag := Tag{"region", strings.Repeat("eu-west-", 4)}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { tag.Hash() }))
}

package columns

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var b strings.Builder
	Line(&b, "user", "ada", 8)
	Line(&b, "a-very-long-key", "x", 8)
	Line(&b, "k", "v", 100)
	Line(&b, "k", "v", -5)
	want := "user.... ada\na-very-long-key x\nk" + strings.Repeat(".", 63) + " v\nk v\n"
	if b.String() != want {
		t.Fatalf("%q", b.String())
	}
}

func TestAllocs(t *testing.T) {
	var b strings.Builder
	b.Grow(1 << 20)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Line(&b, "status", "ok", 60) }))
}

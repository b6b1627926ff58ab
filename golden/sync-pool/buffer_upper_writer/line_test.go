package line

import (
	"bytes"
	"testing"
)

func TestFormat(t *testing.T) {
	var out bytes.Buffer
	Format(Shouter{&out}, "info", "up", "k", "v")
	Format(&out, "warn", "x")
	if got := out.String(); got != "LEVEL=INFO MSG=\"UP\" K=V\nlevel=warn msg=\"x\"\n" {
		t.Fatalf("Format wrote %q", got)
	}
}

func TestDump(t *testing.T) {
	var out bytes.Buffer
	Dump(Shouter{&out}, []string{"a", "", "b"})
	Dump(Shouter{&out}, nil)
	if got := out.String(); got != "0:A\n2:B\n" {
		t.Fatalf("Dump wrote %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	names := []string{"a", "b"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() {
		Format(Shouter{discard{}}, "info", "up", "k", "v")
		Dump(Shouter{discard{}}, names)
	}))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

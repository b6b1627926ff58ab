package record

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var r Record
	if got := r.SetName("ada lovelace"); got != "ADA LOVELACE" || r.NameLen != 12 {
		t.Fatalf("%q %d", got, r.NameLen)
	}
	long := strings.Repeat("xy", 30)
	if got := r.SetName(long); got != strings.ToUpper(long[:40]) || r.NameLen != 40 {
		t.Fatalf("%q %d", got, r.NameLen)
	}
	if got := r.SetName(""); got != "" || r.NameLen != 0 {
		t.Fatalf("%q %d", got, r.NameLen)
	}
}

func TestAllocs(t *testing.T) {
	var r Record
	name := strings.Repeat("grace ", 7)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = r.SetName(name) }))
}

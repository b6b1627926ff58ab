package name

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if h, err := Digest("gopher"); err != nil || h != 1918123188 {
		t.Fatal(h, err)
	}
	if _, err := Digest(strings.Repeat("n", maxName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Digest(strings.Repeat("n", maxName+1)); err == nil {
		t.Fatal("a 65-byte name was accepted")
	}
	if _, err := Digest(""); err == nil {
		t.Fatal("an empty name was accepted")
	}
}

func TestAllocs(t *testing.T) {
	s := strings.Repeat("gopher", 8)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Digest(s) }))
}

package label

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	a, err := Checksum("Example")
	b, _ := Checksum("example")
	if err != nil || a != b || a != 2971996522 {
		t.Fatal(a, b, err)
	}
	if _, err := Checksum(strings.Repeat("a", maxLabel)); err != nil {
		t.Fatal(err)
	}
	if _, err := Checksum(strings.Repeat("a", maxLabel+1)); err == nil {
		t.Fatal("a 64-byte label was accepted")
	}
	if _, err := Checksum(""); err == nil {
		t.Fatal("an empty label was accepted")
	}
}

func TestAllocs(t *testing.T) {
	s := strings.Repeat("Ab", 30)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Checksum(s) }))
}

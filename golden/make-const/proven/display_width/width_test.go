package display

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if c, s := Columns("gopher"); c != 6 || s != 15 {
		t.Fatal(c, s)
	}
	if c, _ := Columns("한국어"); c != 6 {
		t.Fatal("wide runes", c)
	}
	if c, _ := Columns(strings.Repeat("\xff", maxName)); c != maxName {
		t.Fatal("invalid bytes", c)
	}
	if c, _ := Columns(strings.Repeat("x", maxName+1)); c != -1 {
		t.Fatal("a long name measured")
	}
}

func TestAllocs(t *testing.T) {
	name := strings.Repeat("gopher", 8)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Columns(name) }))
}

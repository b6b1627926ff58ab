package scan

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if Keyword("Listen = 80") != Keyword("listen") {
		t.Fatal("case or the rest of the line counted")
	}
	long := strings.Repeat("k", 100)
	if Keyword(long) != Keyword(long[:maxKeyword]) {
		t.Fatal("a long word not cut at maxKeyword")
	}
	if Keyword("") != 2166136261 {
		t.Fatal("empty line")
	}
}

func TestAllocs(t *testing.T) {
	line := strings.Repeat("k", 60) + " = on"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Keyword(line) }))
}

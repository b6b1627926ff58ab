package escape

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got, ok := Value("a\tb\n\"c\"\\"); !ok || got != `a\tb\n\"c\"\\` {
		t.Fatal(got, ok)
	}
	if got, ok := Value(strings.Repeat("\n", maxValue)); !ok || got != strings.Repeat(`\n`, maxValue) {
		t.Fatal("every byte escaped", len(got), ok)
	}
	if _, ok := Value(strings.Repeat("x", maxValue+1)); ok {
		t.Fatal("a long value logged")
	}
}

func TestAllocs(t *testing.T) {
	value := "GET /api/v1/items?id=42\tuser=\"alice\"\n"
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Value(value) }))
}

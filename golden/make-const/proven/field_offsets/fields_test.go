package fields

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	for line, want := range map[string]int{
		"":                              0,
		"a,bb,ccc":                      3,
		",,,":                           0,
		strings.Repeat(",", maxLine):    0,
		strings.Repeat("x", maxLine):    maxLine,
		strings.Repeat("x", maxLine+1):  -1,
		"name,address,phone,,":          7,
		strings.Repeat("ab,", 42) + "c": 2,
	} {
		if got := Widest(line); got != want {
			t.Fatalf("Widest(%q) = %d, want %d", line, got, want)
		}
	}
}

func TestAllocs(t *testing.T) {
	line := strings.Repeat("col,", 30)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Widest(line) }))
}

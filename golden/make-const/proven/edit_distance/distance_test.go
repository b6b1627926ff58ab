package distance

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"kitten", "sitting", 3}, {"", "abc", 3}, {"commit", "comit", 1}, {"status", "status", 0}} {
		if got := Levenshtein(c.a, c.b); got != c.want {
			t.Fatal(c.a, c.b, got)
		}
	}
	if got := Levenshtein(strings.Repeat("a", maxCommand), strings.Repeat("b", maxCommand)); got != maxCommand {
		t.Fatal("longest", got)
	}
	if Levenshtein(strings.Repeat("a", maxCommand+1), "") != -1 {
		t.Fatal("a long name compared")
	}
}

func TestBothRows(t *testing.T) {
	t.Logf("rows=%v", testing.AllocsPerRun(200, func() { Levenshtein("checkout-branch", "chekcout-brnach") }))
}

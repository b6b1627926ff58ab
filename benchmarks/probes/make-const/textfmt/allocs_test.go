package textfmt

import (
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	line := strings.Repeat("ab, ", 40)
	allocs(t, "Fields", func() { Fields(line) })
	allocs(t, "Kinds", func() { Kinds(line) })
	allocs(t, "Quote", func() { Quote(strings.Repeat(`a"`, 30)) })
}

func TestAllocsEdit(t *testing.T) {
	a, b := strings.Repeat("kitten", 10), strings.Repeat("sitting", 9)
	allocs(t, "Distance", func() { Distance(a, b) })
	allocs(t, "Escape", func() { Escape(strings.Repeat("a\tb\n", 16)) })
	allocs(t, "Scoped", func() { Scoped(strings.Repeat("s", 40), strings.Repeat("k", 60)) })
	rs := []rune(strings.Repeat("héllo", 12))
	allocs(t, "RuneHash", func() { RuneHash(rs) })
	allocs(t, "Common", func() { Common(a, b) })
}

func TestEditBehaviour(t *testing.T) {
	if d, _ := Distance("kitten", "sitting"); d != 3 {
		t.Fatalf("Distance = %d", d)
	}
	if c, _ := Common("ABCBDAB", "BDCABA"); c != 4 {
		t.Fatalf("Common = %d", c)
	}
	if s, _ := Escape("a\tb\n"); s != `a\tb\n` {
		t.Fatalf("Escape = %q", s)
	}
}

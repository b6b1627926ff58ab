package mirror

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	var b strings.Builder
	for _, label := range []string{"abc", "", "héllo, 世界", "\xffa", strings.Repeat("é", 32), strings.Repeat("a", 65)} {
		ok := Mirror(&b, label)
		b.WriteString("|")
		if ok != (len(label) <= 64) {
			t.Fatalf("Mirror(%q) = %v", label, ok)
		}
	}
	want := "cba||界世 ,olléh|a\uFFFD|" + strings.Repeat("é", 32) + "||"
	if b.String() != want {
		t.Fatalf("%q", b.String())
	}
}

func TestAllocs(t *testing.T) {
	var b strings.Builder
	b.Grow(1 << 20)
	label := strings.Repeat("ab", 20)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Mirror(&b, label) }))
}

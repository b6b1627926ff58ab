package layout

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := Outline([]string{"func f() {", "if x {", "for {"}); got != "func f() {\n    if x {\n        for {\n" {
		t.Fatalf("%q", got)
	}
	deep := strings.Split(strings.Repeat("{,", maxNesting+2), ",")
	got := Outline(deep)
	if !strings.HasSuffix(got, strings.Repeat(" ", (maxNesting-1)*tabWidth)+"{\n…\n") {
		t.Fatalf("%q", got)
	}
	if Outline(nil) != "" {
		t.Fatal("empty path")
	}
}

func TestIndents(t *testing.T) {
	path := strings.Split(strings.Repeat("block {,", 12), ",")[:12]
	out := make([]byte, 0, 4096)
	t.Logf("indents=%v", testing.AllocsPerRun(200, func() { out = append(out[:0], Outline(path)...) }))
}

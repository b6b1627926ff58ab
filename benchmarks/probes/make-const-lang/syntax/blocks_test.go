package syntax

import (
	"strings"
	"testing"
)

func TestAllocsBlocks(t *testing.T) {
	var p Printer
	p.CloseBlocks(2)
	if string(p.Bytes()) != "  }\n}\n" {
		t.Fatalf("CloseBlocks %q", p.Bytes())
	}
	p.buf = make([]byte, 0, 1<<20)
	allocs(t, "CloseBlocks", func() { p.buf = p.buf[:0]; p.CloseBlocks(20) })
	if s := Outline([]string{"func f() {", "if x {"}); s != "func f() {\n  if x {\n" {
		t.Fatalf("Outline %q", s)
	}
	path := strings.Split(strings.Repeat("block {,", 20), ",")[:20]
	allocs(t, "Outline", func() { Outline(path) })
}

package syntax

import "testing"

func TestAllocs(t *testing.T) {
	n := &Node{Op: 'f', Name: "main", Kids: []*Node{{Op: 'a', Name: "body"}, {Op: 'b'}, {Op: 'c'}}}
	if s, err := n.Shape(); s != "abc" || err != nil {
		t.Fatal("Shape", s, err)
	}
	allocs(t, "Shape", func() { n.Shape() })
	if s := Mangle("example.com/pkg", "Func", 3); s != "example.com_pkg.Func·3" {
		t.Fatal("Mangle", s)
	}
	allocs(t, "Mangle", func() { Mangle("example.com/some/long/pkg", "Function", 12345) })
	if s := n.Path(4); s != "main/body" {
		t.Fatal("Path", s)
	}
	allocs(t, "Path", func() { n.Path(4) })
	var p Printer
	p.Line(2, "x")
	if string(p.Bytes()) != "    x\n" {
		t.Fatalf("Line %q", p.Bytes())
	}
	p.buf = make([]byte, 0, 1<<20)
	allocs(t, "Line", func() { p.Line(20, "x") })
	if s, ok := UTF16To8([]uint16{'h', 0xd83d, 0xde00}); !ok || s != "h😀" {
		t.Fatal("UTF16To8", s)
	}
	allocs(t, "UTF16To8", func() { UTF16To8([]uint16{'h', 'e', 'l', 'l', 'o', ' ', 0xd83d, 0xde00, 'w', 'o', 'r', 'l', 'd'}) })
	if s := EncodeRuneList([]rune("héllo")); s != "héllo" {
		t.Fatal("EncodeRuneList", s)
	}
	allocs(t, "EncodeRuneList", func() { EncodeRuneList([]rune{'é', 'é', 'é', 'é', 'é', 'é', 'é', 'é', 'é'}) })
	if ok, _ := Glob("a*b?c", "axxbyc"); !ok {
		t.Fatal("Glob")
	}
	allocs(t, "Glob", func() {
		Glob("*.go.????????????????????????????????????", "main.go.abcdefghijklmnopqrstuvwxyzabcdefghij")
	})
	if c := Column([]byte("\tab"), 2, 8); c != 9 {
		t.Fatal("Column", c)
	}
	allocs(t, "Column", func() { Column([]byte("\t\tfunc main() {"), 12, 8) })
	if s := Caret(3); s != "   ^" {
		t.Fatal("Caret", s)
	}
	allocs(t, "Caret", func() { Caret(60) })
}

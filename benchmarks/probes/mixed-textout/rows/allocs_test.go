package rows

import (
	"bytes"
	"strings"
	"testing"
)

func TestRows(t *testing.T) {
	var b bytes.Buffer
	TSV(&b, "a", "b", "c")
	CSVRow(&b, "o1", "sku", 2, 1999)
	RawRow(&b, Cell("x"), nil)
	if b.String() != "a\tb\tc\no1,sku,2,19.99\nx,\n" {
		t.Fatal(b.String())
	}
	if got := SelectIdent(Ident("t"), "id"); got != `SELECT * FROM "t" WHERE id = $1` {
		t.Fatal(got)
	}
	if got := Update("t", "c", "id"); got != "UPDATE t SET c = $1 WHERE id = $2" {
		t.Fatal(got)
	}
}

func TestAllocs(t *testing.T) {
	a, c := strings.Repeat("a", 3), strings.Repeat("c", 3)
	var b bytes.Buffer
	b.Grow(256)
	cell := Cell("cell")
	for name, f := range map[string]func(){
		"TSV":    func() { b.Reset(); TSV(&b, a, c, a) },
		"CSVRow": func() { b.Reset(); CSVRow(&b, a, c, 1, 250) },
		"RawRow": func() { b.Reset(); RawRow(&b, cell, cell) },
		"Select": func() { _ = Select(a, c) },
		"Update": func() { _ = Update(a, Col(c), a) },
	} {
		t.Logf("%s %v", name, testing.AllocsPerRun(100, f))
	}
}

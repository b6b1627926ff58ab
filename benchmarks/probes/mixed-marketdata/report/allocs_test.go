package report

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var rows = []Row{{"ACME", 1000000, 1050000, 990000, 1020000, 5000}, {"INIT", 500000, 500000, 500000, 500000, 10}}

func TestAllocs(t *testing.T) {
	var out bytes.Buffer
	Line(&out, rows[0])
	if out.String() != "ACME         100.0000     105.0000      99.0000     102.0000       5000\n" {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Line", func() { Line(io.Discard, rows[0]) })
	out.Reset()
	Table(&out, rows)
	if !strings.HasPrefix(out.String(), "SYMBOL OPEN") {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Table", func() { Table(io.Discard, rows) })
	if s := Summary(rows); s != "2 symbols, 5010 shares" {
		t.Fatal(s)
	}
	allocs(t, "Summary", func() { Summary(rows) })
	out.Reset()
	Header(&out, "EOD", "2026-12-04")
	if out.String() != "EOD — 2026-12-04\n" {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Header", func() { Header(io.Discard, "EOD", "2026-12-04") })
	out.Reset()
	Movers(&out, rows)
	if out.String() != "movers: ACME\n" {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Movers", func() { Movers(io.Discard, rows) })
	if a := Attach(rows); !strings.HasPrefix(a.Body.String(), "ACME,1020000,5000\n") {
		t.Fatal(a.Body.String())
	}
}

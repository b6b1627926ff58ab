package receipt

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

var r = Receipt{"Corner Shop", 42, []Line{{"Tee", 2, 1500}, {"Mug", 1, 900}}, 780}

func TestAllocs(t *testing.T) {
	var out bytes.Buffer
	Text(&out, r)
	if !strings.Contains(out.String(), "Receipt #000042") || !strings.Contains(out.String(), "46.80") {
		t.Fatal(out.String())
	}
	allocs(t, "Text", func() { Text(io.Discard, r) })
	if len(Rule('=')) != width {
		t.Fatal()
	}
	allocs(t, "Rule", func() { Rule('=') })
	if len(Padded("Tee")) != width-12 {
		t.Fatal()
	}
	allocs(t, "Padded", func() { Padded("Tee") })
	if !strings.HasPrefix(Invoice("2026-000001", r.Lines), "INVOICE 2026-000001\n  1 Tee\n") {
		t.Fatal(Invoice("2026-000001", r.Lines))
	}
	allocs(t, "Invoice", func() { Invoice("2026-000001", r.Lines) })
	out.Reset()
	Footer(&out, []string{"thanks", "returns in 30 days"})
	if out.String() != "1. thanks\n2. returns in 30 days\n" {
		t.Fatal(out.String())
	}
	allocs(t, "Footer", func() { Footer(io.Discard, []string{"thanks", "returns in 30 days"}) })
	if c := Columns(r); len(c) != 4 || c[1] != 1500 {
		t.Fatal(c)
	}
	allocs(t, "Columns", func() { Columns(r) })
	if Sum(r) != 3900 {
		t.Fatal(Sum(r))
	}
	allocs(t, "Sum", func() { Sum(r) })
	var e Emailed
	first := e.Render(r)
	if e.body.String() != first {
		t.Fatal()
	}
}

package export

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var order = Order{ID: "EU0000000000a1", Customer: "Ada", Placed: time.Unix(0, 0),
	Lines: []Item{{"TEE0001234", 2, 1500}, {"MUG0000007", 1, 900}}, Total: 3900}

func TestAllocs(t *testing.T) {
	var out bytes.Buffer
	CSV(&out, []Order{order})
	if !strings.HasSuffix(out.String(), "EU0000000000a1,\"Ada\",1970-01-01T00:00:00Z,2,39.00\n") {
		t.Fatal(out.String())
	}
	allocs(t, "CSVRow", func() { CSVRow(io.Discard, order) })
	out.Reset()
	JSONLine(&out, order)
	if !strings.Contains(out.String(), `"sku":"MUG0000007","qty":1`) {
		t.Fatal(out.String())
	}
	allocs(t, "JSONLine", func() { JSONLine(io.Discard, order) })
	out.Reset()
	Pick(&out, order.Lines[0])
	if out.String() != "TEE0001234 x 2\n" {
		t.Fatalf("%q", out.String())
	}
	allocs(t, "Pick", func() { Pick(io.Discard, order.Lines[0]) })
	if s := Summary([]Order{order, order}); s != "2 orders, 78.00 total" {
		t.Fatal(s)
	}
	allocs(t, "Summary", func() { Summary([]Order{order, order}) })
	if Manifest(order) != "TEE0001234,MUG0000007" {
		t.Fatal(Manifest(order))
	}
	allocs(t, "Manifest", func() { Manifest(order) })
	var b Batch
	first := b.Render([]Order{order})
	b.Render([]Order{order, order})
	if string(first) != "EU0000000000a1;3900\n" {
		t.Fatal("a kept render changed", string(first))
	}
	if Quantities(order) != "2\n1\n" {
		t.Fatal(Quantities(order))
	}
	allocs(t, "Quantities", func() { Quantities(order) })
	allocs(t, "Totals", func() { Totals(io.Discard, []Order{order}) })
}

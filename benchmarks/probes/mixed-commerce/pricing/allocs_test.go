package pricing

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var (
	lines  = []Line{{"TEE1", 2, 1500}, {"MUG7", 1, 900}, {"TEE2", 3, 1200}}
	promos = []Promo{{"TEES10", "TEE", 10, 2}, {"MUG50", "MUG", 50, 1}, {"ALL5", "", 5, 1}}
	rules  = Rules{TaxBps: 2000}
)

func TestAllocs(t *testing.T) {
	if got, err := Total(lines, promos, rules); err != nil || got != 8208 {
		t.Fatal(got, err)
	}
	allocs(t, "Total", func() { Total(lines, promos, rules) })
	if q := Quotes([][]Line{lines, lines[:1]}, rules); q[1] != 3600 {
		t.Fatal(q)
	}
	allocs(t, "Quotes", func() { Quotes([][]Line{lines, lines[:1]}, rules) })
	if tx := Taxed(lines, Rules{TaxBps: 1000, Rounding: 1}); tx[0] != 300 {
		t.Fatal(tx)
	}
	allocs(t, "Taxed", func() { Taxed(lines, Rules{TaxBps: 1000, Rounding: 1}) })
	if codes, st := Applied(lines, promos); len(codes) != 3 || codes[0] != "TEES10" || st != "priced" {
		t.Fatal(codes, st)
	}
	allocs(t, "Applied", func() { Applied(lines, promos) })
	if off, cur := Stacked(lines, promos, rules); off == 0 || cur != "eur" {
		t.Fatal(off, cur)
	}
	allocs(t, "Stacked", func() { Stacked(lines, promos, rules) })
	if p := Preview(lines[:1], Rules{TaxBps: 0}); p != 3030 {
		t.Fatal(p)
	}
}

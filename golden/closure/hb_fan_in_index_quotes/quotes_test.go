package quotes

import (
	"fmt"
	"sort"
	"testing"
)

func TestBehaviour(t *testing.T) {
	rates := map[string]float64{"USD": 1, "EUR": 2}
	quote := func(cur, sym string) float64 { return rates[cur] * float64(len(sym)) }
	next := func(cur string) string { return map[string]string{"USD": "EUR", "EUR": "USD"}[cur] }
	all := Prices(2, []string{"a", "bb"}, "USD", quote, next)
	got := make([]string, len(all))
	for i, q := range all {
		got[i] = fmt.Sprint(q.Sym, "=", q.Price)
	}
	sort.Strings(got)
	if s := fmt.Sprint(got); s != "[a=1 a=2 bb=2 bb=4]" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	syms := []string{"a", "b", "c"}
	quote := func(cur, sym string) float64 { return 1 }
	next := func(cur string) string { return cur }
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Prices(2, syms, "USD", quote, next) }))
}

package risk

import (
	"sync"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var orders = []Order{{"A1", "ACME", 100, 10}, {"A1", "BAD", 1, 1}, {"A1", "ACME", 5000, 10}}

func TestAllocs(t *testing.T) {
	lim := Limits{MaxQty: 1000, Blocked: map[string]bool{"BAD": true}}
	if err := CheckAll(orders[:1], lim); err != nil {
		t.Fatal(err)
	}
	if err := CheckAll(orders, lim); err == nil || err.Error() != "symbol blocked" {
		t.Fatal(err)
	}
	ok := orders[:1]
	allocs(t, "CheckAll", func() { CheckAll(ok, lim) })
	total, v := Exposure([][]Order{orders[:1], orders[1:2]}, 500)
	if total != 1001 || v != "breach" {
		t.Fatal(total, v)
	}
	two := [][]Order{orders[:1], orders[1:2]}
	allocs(t, "Exposure", func() { Exposure(two, 500) })
	if n := Breaches(orders, lim); n != 2 {
		t.Fatal(n)
	}
	allocs(t, "Breaches", func() { Breaches(orders, lim) })
	halve := make(chan struct{}, 1)
	halve <- struct{}{}
	if n := Tighten([]Order{{"A1", "X", 600, 1}, {"A1", "X", 600, 1}}, Limits{MaxQty: 1000}, halve); n < 1 {
		t.Fatal(n)
	}
	if w, n := Worst(orders, lim); w != 1000 || n != 0 {
		t.Fatal(w, n)
	}
	allocs(t, "Worst", func() { Worst(orders, lim) })
	var mu sync.Mutex
	in := make(chan Order)
	bad := make(chan Order, 1)
	kept := Watch(in, lim, &mu, bad)
	in <- orders[1]
	if o := <-bad; o.Symbol != "BAD" {
		t.Fatal(o)
	}
	mu.Lock()
	kept.MaxQty = 1
	mu.Unlock()
	close(in)
}

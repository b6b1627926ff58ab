package inventory

import (
	"errors"
	"testing"
	"time"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

type wh struct{ n int }

func (w wh) Available(sku string) (int, error) {
	if sku == "" {
		return 0, errors.New("no sku")
	}
	return w.n, nil
}
func (w wh) Hold(string, int, time.Duration) error { return nil }

var whs = []Warehouse{wh{3}, wh{0}, wh{9}}

func TestAllocs(t *testing.T) {
	if c, err := Stock(whs, "TEE"); err != nil || c[2] != 9 {
		t.Fatal(c, err)
	}
	allocs(t, "Stock", func() { Stock(whs, "TEE") })
	if err := Reserve(whs, "TEE", 30, Policy{}); err != nil {
		t.Fatal(err)
	}
	allocs(t, "Reserve", func() { Reserve(whs, "TEE", 30, Policy{}) })
	if m, note := Spread(whs, "TEE", 5); len(m) != 2 || m[2] != 5 || note != "reserved TEE" {
		t.Fatal(m, note)
	}
	allocs(t, "Spread", func() { Spread(whs, "TEE", 5) })
	if i := First(whs, "TEE", 5); i != 2 {
		t.Fatal(i)
	}
	if s := Audit(whs, []string{"a", "b"}); s != "audit of 3 warehouses[6 0 18 0 0 0]" {
		t.Fatal(s)
	}
	allocs(t, "Audit", func() { Audit(whs, []string{"a", "b"}) })
	if d := Release(whs, "TEE", Policy{TTL: time.Second}); d != 0 {
		t.Fatal(d)
	}
	allocs(t, "Release", func() { Release(whs, "TEE", Policy{TTL: time.Second}) })
}

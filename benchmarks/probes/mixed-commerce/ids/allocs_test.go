package ids

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	if s, _ := SKU("TEE", 1234); s != "TEE0001234" {
		t.Fatal(s)
	}
	allocs(t, "SKU", func() { SKU("TEE", 1234) })
	if id := OrderID("EU", 35); id != "EU00000000000z" {
		t.Fatal(id)
	}
	allocs(t, "OrderID", func() { OrderID("EU", 35) })
	allocs(t, "Check", func() { Check("TEE0001234") })
	if l := Label("TEE0001234"); len(l) != 12 {
		t.Fatal(l)
	}
	allocs(t, "Label", func() { Label("TEE0001234") })
	if Invoice(2026, 123) != "2026-000123" {
		t.Fatal(Invoice(2026, 123))
	}
	allocs(t, "Invoice", func() { Invoice(2026, 123) })
	if r, s, err := Parts(OrderID("US", 99)); r != "US" || s != 99 || err != nil {
		t.Fatal(r, s, err)
	}
	if len(Checksums([]string{"a", "b"})) != 2 {
		t.Fatal()
	}
	allocs(t, "Checksums", func() { Checksums([]string{"TEE0001234", "MUG0000001"}) })
}

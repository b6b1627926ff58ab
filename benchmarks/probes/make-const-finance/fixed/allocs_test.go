package fixed

import "testing"

func TestAllocs(t *testing.T) {
	a := Amount{Units: -123456, Scale: 4}
	if s := a.String(); s != "-12.3456" {
		t.Fatalf("String = %q", s)
	}
	allocs(t, "String", func() { _ = Amount{-9223372036854775807, 6}.String() })
	if m, _ := Split(Amount{Units: 1000}, 3); m != 334 {
		t.Fatalf("Split = %d", m)
	}
	allocs(t, "Split", func() { Split(Amount{Units: 1000}, 24) })
	if r, d, _ := Rescale(Amount{Units: 123456, Scale: 4}, 2); r.Units != 1235 || d != 2 {
		t.Fatalf("Rescale = %v %d", r, d)
	}
	allocs(t, "Rescale", func() { Rescale(Amount{Units: 123456, Scale: 6}, 0) })
	if x, err := ParseAmount("-1,234.5678"); err != nil || x.Units != -12345678 || x.Scale != 4 {
		t.Fatalf("ParseAmount = %v %v", x, err)
	}
	allocs(t, "ParseAmount", func() { ParseAmount("-1,234,567,890.123456") })
	if w := Columns([]Amount{{1, 2}}, 12); w != 12 {
		t.Fatalf("Columns = %d", w)
	}
	if len(Ratios(Amount{Units: 100}, []int{1, 1})) != 2 {
		t.Fatal("Ratios")
	}
}

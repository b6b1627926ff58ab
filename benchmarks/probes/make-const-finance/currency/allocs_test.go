package currency

import "testing"

func TestAllocs(t *testing.T) {
	if s := FormatMinor(-123456, EUR); s != "-1234.56" {
		t.Fatalf("FormatMinor = %q", s)
	}
	if s := FormatMinor(5, BHD); s != "0.005" {
		t.Fatalf("FormatMinor = %q", s)
	}
	allocs(t, "FormatMinor", func() { FormatMinor(-9223372036854775807, BHD) })
	if p := Scale(BHD); len(p) != 3 || p[0] != 100 {
		t.Fatalf("Scale = %v", p)
	}
	if s := CheckSum(123456, BHD); s != 6+10+12+12 {
		t.Fatalf("CheckSum = %d", s)
	}
	allocs(t, "CheckSum", func() { CheckSum(987654321, BHD) })
	if s, _ := Label(-123456789, USD); s != "-1,234,567.89 USD" {
		t.Fatalf("Label = %q", s)
	}
	allocs(t, "Label", func() { Label(-9223372036854775807, BHD) })
	if s := Symbol(1250, EUR); s != "€12.50" {
		t.Fatalf("Symbol = %q", s)
	}
	if s := Padded(5, BHD); s != "005" {
		t.Fatalf("Padded = %q", s)
	}
	allocs(t, "Padded", func() { Padded(5, BHD) })
}

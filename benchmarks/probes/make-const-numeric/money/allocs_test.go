package money

import "testing"

func TestAllocs(t *testing.T) {
	a := Amount{Units: -1234567, Scale: 2}
	if s, _ := a.Format(); s != "-12345.67" {
		t.Fatalf("Format = %q", s)
	}
	allocs(t, "Format", func() { a.Format() })
	if g := Group("1234567", ','); g != "1,234,567" {
		t.Fatalf("Group = %q", g)
	}
	allocs(t, "Group", func() { Group("1234567890123", ',') })
	if p := Percent(1, 3, 2); p != "33.33%" {
		t.Fatalf("Percent = %q", p)
	}
	allocs(t, "Percent", func() { Percent(1, 3, 2) })
	if m := MaskPAN("4111111111111111"); m != "************1111" {
		t.Fatalf("MaskPAN = %q", m)
	}
	allocs(t, "MaskPAN", func() { MaskPAN("4111111111111111") })
	if d := Digits(-9876543210); d != 45 {
		t.Fatalf("Digits = %d", d)
	}
	allocs(t, "Digits", func() { Digits(9223372036854775807) })
}

func TestAllocsDecimal(t *testing.T) {
	if s := Thousands(-1234567); s != "-1,234,567" {
		t.Fatalf("Thousands = %q", s)
	}
	allocs(t, "Thousands", func() { Thousands(-1234567890123) })
	if s := Minor(1234, USD); s != "12.34" {
		t.Fatalf("Minor = %q", s)
	}
	allocs(t, "Minor", func() { Minor(123456789012, BHD) })
	tk := &Ticket{Legs: [4]int64{-5, 7, 9, -11}, NLegs: 4}
	if tk.Notional() != 32 {
		t.Fatal("Notional")
	}
	allocs(t, "Notional", func() { tk.Notional() })
	if s := Fixed(-5, 3); s != "-0.005" {
		t.Fatalf("Fixed = %q", s)
	}
	allocs(t, "Fixed", func() { Fixed(123456789012345, 8) })
	if Words(1_002_003) != 3 {
		t.Fatal("Words")
	}
	allocs(t, "Words", func() { Words(18_446_744_073_709_551_615) })
}

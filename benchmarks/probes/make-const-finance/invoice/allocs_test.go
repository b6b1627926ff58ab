package invoice

import "testing"

func TestAllocs(t *testing.T) {
	if s := Number(Invoice, 2026, 123); s != "INV-2026-000123" {
		t.Fatalf("Number = %q", s)
	}
	allocs(t, "Number", func() { Number(Receipt, 2026, 4000000000) })
	if s := Series(ProForma, 42); s != "PRO0042" {
		t.Fatalf("Series = %q", s)
	}
	allocs(t, "Series", func() { Series(Receipt, 42) })
	if s, _ := Branch("ZRH-01", 77); s != "BR-ZRH-01-77" {
		t.Fatalf("Branch = %q", s)
	}
	allocs(t, "Branch", func() { Branch("GENEVA-NORTH", 4000000000) })
	if s, err := CreditorReference("539007547034"); err != nil || s != "RF18539007547034" {
		t.Fatalf("CreditorReference = %q %v", s, err)
	}
	allocs(t, "CreditorReference", func() { CreditorReference("ABCDEFGHIJKLMNOPQRSTU") })
	if s := Grouped("RF18539007547034"); s != "RF18 5390 0754 7034" {
		t.Fatalf("Grouped = %q", s)
	}
	allocs(t, "Grouped", func() { Grouped("RF18539007547034ABCDEFGHI") })
	if d, _ := Luhn("7992739871"); d != '3' {
		t.Fatalf("Luhn = %c", d)
	}
	allocs(t, "Luhn", func() { Luhn("4111111111111111111") })
	var s Sequencer
	if n := s.Issue(CreditNote, 2026); n != "CN-2026-000000" || string(s.last) != n {
		t.Fatalf("Issue = %q", n)
	}
	out := make(chan string, 2)
	Announce([]string{"A1", "B2"}, out)
}

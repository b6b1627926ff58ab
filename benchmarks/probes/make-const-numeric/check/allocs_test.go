package check

import "testing"

func TestAllocs(t *testing.T) {
	if !Luhn("4111111111111111") || Luhn("4111111111111112") {
		t.Fatal("Luhn")
	}
	allocs(t, "Luhn", func() { Luhn("4111111111111111") })
	if !IBAN("GB82WEST12345698765432") || IBAN("GB82WEST12345698765433") {
		t.Fatal("IBAN")
	}
	allocs(t, "IBAN", func() { IBAN("GB82WEST12345698765432") })
	if !ISBN10("0-306-40615-2") {
		t.Fatal("ISBN10")
	}
	allocs(t, "ISBN10", func() { ISBN10("0-306-40615-2") })
	if c, _ := EAN("400638133393"); c != '1' {
		t.Fatalf("EAN = %c", c)
	}
	allocs(t, "EAN", func() { EAN("400638133393") })
	if g := GroupIBAN("GB82WEST12345698765432"); g != "GB82 WEST 1234 5698 7654 32" {
		t.Fatalf("GroupIBAN = %q", g)
	}
	allocs(t, "GroupIBAN", func() { GroupIBAN("GB82WEST12345698765432") })
}

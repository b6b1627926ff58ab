package groups

import "testing"

// TestBehaviour: twenty groups of four make 80 characters, more than an IBAN's 34.
func TestBehaviour(t *testing.T) {
	if !Valid([]string{"GB82", "WEST", "1234", "5698", "7654", "32"}) {
		t.Fatal("valid IBAN refused")
	}
	long := make([]string, 20)
	for i := range long {
		long[i] = "1234"
	}
	Valid(long)
}

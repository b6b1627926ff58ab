package block

import "testing"

func TestParity(t *testing.T) {
	if Parity([]byte{1, 2, 4}) != 7 || Parity([]byte{1}) != 1 || Parity(nil) != 0 {
		t.Fatal("parity must only see this call's bytes")
	}
}

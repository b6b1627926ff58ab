package pad

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Field(uint16(0), 100); got != 2*' ' {
		t.Fatalf("Field(uint16) = %d", got)
	}
	if got := Field("name", 100); got != 100*' ' {
		t.Fatalf("Field(string, 100) = %d", got)
	}
}

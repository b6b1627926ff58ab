package tables

import (
	"bytes"
	"testing"
)

func TestBehaviour(t *testing.T) {
	// count 511 (nine ones), then 511 lengths of 4 bits: 9 + 2044 bits, 257 bytes of 0xff.
	full := bytes.Repeat([]byte{0xff}, 257)
	if sum, err := Checksum(full); err != nil || sum != 527783870 {
		t.Fatalf("Checksum(full) = %d, %v", sum, err)
	}
	if _, err := Checksum(full[:100]); err != errShort {
		t.Fatalf("Checksum(short) error %v", err)
	}
	if sum, err := Checksum([]byte{0, 0}); err != nil || sum != 17 {
		t.Fatalf("Checksum(empty) = %d, %v", sum, err)
	}
}

func TestAllocs(t *testing.T) {
	full := bytes.Repeat([]byte{0xff}, 257)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Checksum(full) }))
}

package payload

import "testing"

func TestBehaviour(t *testing.T) {
	if got, err := Checksum([]byte{0, 0, 0, 2, 'h', 'i'}); err != nil || got != 'h'*33+'i' {
		t.Fatal(got, err)
	}
	if _, err := Checksum([]byte{0, 1, 0, 0}); err == nil {
		t.Fatal("a long record was accepted")
	}
}

func TestAllocs(t *testing.T) {
	record := make([]byte, 4+200)
	record[3] = 200
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Checksum(record) }))
}

package uuid

import "testing"

func TestBehaviour(t *testing.T) {
	id, err := Parse("123e4567-e89b-12d3-a456-426614174000")
	if err != nil || id[0] != 0x12 || id[15] != 0x00 || id[6] != 0x12 {
		t.Fatal(id, err)
	}
	if _, err := Parse("123e4567"); err == nil {
		t.Fatal("a short UUID was accepted")
	}
}

func TestAllocs(t *testing.T) {
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Parse("123e4567-e89b-12d3-a456-426614174000") }))
}

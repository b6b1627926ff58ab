package frame

import "testing"

func TestBehaviour(t *testing.T) {
	if got, err := Sum([]byte("abc"), 5); err != nil || got != 96354 {
		t.Fatal(got, err)
	}
	if _, err := Sum(nil, maxFrame+1); err == nil {
		t.Fatal("a long frame was accepted")
	}
}

func TestAllocs(t *testing.T) {
	wire := make([]byte, 300)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Sum(wire, 300) }))
}

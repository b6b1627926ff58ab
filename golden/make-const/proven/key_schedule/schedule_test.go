package schedule

import "testing"

func TestBehaviour(t *testing.T) {
	a, err := Mix(make([]byte, 16))
	b, _ := Mix(make([]byte, 32))
	if err != nil || a == b {
		t.Fatal(a, b, err)
	}
	if _, err := Mix(make([]byte, 20)); err == nil {
		t.Fatal("a 20-byte key was accepted")
	}
}

func TestAllocs(t *testing.T) {
	key := make([]byte, 32)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Mix(key) }))
}

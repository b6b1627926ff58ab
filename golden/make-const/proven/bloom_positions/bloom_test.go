package bloom

import "testing"

func TestBehaviour(t *testing.T) {
	f, err := New(100, 0.001)
	if err != nil || f.k != 10 {
		t.Fatal("k:", f.k, err)
	}
	f.Add([]byte("hunter2"))
	if !f.Has([]byte("hunter2")) || f.Has([]byte("correct horse battery staple")) {
		t.Fatal("membership")
	}
	// a rate of 1e-9 asks for 30 hashes: clamped to 16
	if g, _ := New(10, 1e-9); g.k != maxHashes {
		t.Fatal("clamp:", g.k)
	}
}

func TestAllocs(t *testing.T) {
	f, _ := New(1000, 0.01)
	key := []byte("password1")
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { f.Add(key) }))
}

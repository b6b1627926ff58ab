package webhook

import "testing"

func TestBehaviour(t *testing.T) {
	// RFC 4231 test case 2: key "Jefe"
	got := Signature([]byte("Jefe"), []byte("what do ya want for nothing?"))
	want := "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
	if got != want {
		t.Fatal(got)
	}
	if !Valid([]byte("Jefe"), []byte("what do ya want for nothing?"), want) || Valid([]byte("x"), nil, want) {
		t.Fatal("valid")
	}
}

func TestAllocs(t *testing.T) {
	secret, body := []byte("0123456789abcdef"), make([]byte, 512)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { _ = Signature(secret, body) }))
}

package seal

import "testing"

func TestAllocs(t *testing.T) {
	p := Pad([]byte("YELLOW SUBMARINE!"), 16)
	if u, err := Unpad(p, 16); err != nil || string(u) != "YELLOW SUBMARINE!" {
		t.Fatalf("Unpad = %q %v", u, err)
	}
	allocs(t, "Unpad", func() { Unpad(p, 16) })
	if Block(1, 5) != 11 {
		t.Fatal("Block")
	}
	allocs(t, "Block", func() { Block(1, 5) })
	allocs(t, "Digest", func() { Digest(p) })
	key := []byte("k")
	sig := Sign(key, p)
	if !Verify(key, p, sig) {
		t.Fatal("Verify")
	}
	allocs(t, "Sign", func() { Sign(key, p) })
	allocs(t, "Verify", func() { Verify(key, p, sig) })
	if id := ShortID(p, 4); len(id) != 8 {
		t.Fatalf("ShortID = %q", id)
	}
	allocs(t, "ShortID", func() { ShortID(p, 4) })
	if s, _ := Encode58([]byte{0, 0, 1, 2, 3}); s != "11Ldp" {
		t.Fatalf("Encode58 = %q", s)
	}
	k33 := make([]byte, 33)
	for i := range k33 {
		k33[i] = byte(255 - i)
	}
	allocs(t, "Encode58", func() { Encode58(k33) })
	if s, _ := Bech32("a", nil); s != "a12uel5l" {
		t.Fatalf("Bech32 = %q", s)
	}
	data := make([]byte, 40)
	allocs(t, "Bech32", func() { Bech32("bc", data) })
}

func TestAllocsToken(t *testing.T) {
	tk := &Token{}
	if len(tk.String()) != 64 {
		t.Fatal("Token")
	}
	allocs(t, "Token.String", func() { _ = tk.String() })
	allocs(t, "Nonce", func() { Nonce(7, 1<<62) })
	allocs(t, "Label", func() { Label("payments-signing-key", 12345) })
	if f := Fingerprint([]byte("k"), true); len(f) != 23 {
		t.Fatalf("Fingerprint = %q", f)
	}
	allocs(t, "Fingerprint", func() { Fingerprint([]byte("k"), false) })
}

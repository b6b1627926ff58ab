package sign

import (
	"crypto/sha256"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	sig, _ := Sign(key, "POST", "/v1/orders/42", 1700000000)
	allocs(t, "Sign", func() { Sign(key, "POST", "/v1/orders/42", 1700000000) })
	allocs(t, "Verify", func() { Verify(key, "POST", "/v1/orders/42", 1700000000, sig) })
	raw := make([]byte, 32)
	allocs(t, "Header", func() { Header("key-2024-01", raw) })
	allocs(t, "TagHex", func() { TagHex(key, raw) })
	allocs(t, "ShortHash", func() { ShortHash(raw, 8) })
	allocs(t, "ContentDigest", func() { ContentDigest(raw) })
	allocs(t, "Digest", func() { Digest(sha256.New(), raw) })
}

func TestSign(t *testing.T) {
	key := []byte("k")
	sig, err := Sign(key, "GET", "/", 1)
	if err != nil || !Verify(key, "GET", "/", 1, sig) || Verify(key, "GET", "/x", 1, sig) {
		t.Fatal(sig, err)
	}
	if h, _ := Header("a", make([]byte, 32)); h != `keyId="a",sig="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="` {
		t.Fatal(h)
	}
	if got := ShortHash([]byte("abc"), 4); got != "ba7816bf" {
		t.Fatal(got)
	}
	if got := ShortHash([]byte("abc"), 99); len(got) != 64 {
		t.Fatal(got)
	}
	if got := TagHex(key, nil); len(got) != 64 || got != Digest2(key) {
		t.Fatal(got)
	}
	if got := ContentDigest(nil); got != "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:" {
		t.Fatal(got)
	}
	if got := Digest(sha256.New(), []byte("abc")); got[:8] != "ba7816bf" {
		t.Fatal(got)
	}
	if Tag(key, nil) == "" {
		t.Fatal("empty tag")
	}
}

package token

import (
	"bytes"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	key := bytes.Repeat([]byte{9}, 32)
	hdr := []byte(`{"alg":"HS256","typ":"JWT"}`)
	pl := []byte(`{"sub":"1234567890","name":"John Doe","iat":1516239022}`)
	tok, _ := SignHS256(key, hdr, pl)
	allocs(t, "SignHS256", func() { SignHS256(key, hdr, pl) })
	allocs(t, "Alg", func() { Alg(tok) })
	allocs(t, "VerifyHS256", func() { VerifyHS256(key, tok) })
	allocs(t, "KID", func() { KID("eyJraWQiOiJrZXktMSJ9") })
	nonce := bytes.Repeat([]byte{1}, 24)
	allocs(t, "Preamble", func() { Preamble(V2, nonce) })
	allocs(t, "TagBuffer", func() { TagBuffer(V4, key) })
}

func TestToken(t *testing.T) {
	key := []byte("secret")
	tok, err := SignHS256(key, []byte(`{"alg":"HS256"}`), []byte(`{}`))
	if err != nil || VerifyHS256(key, tok) != nil || VerifyHS256([]byte("x"), tok) == nil {
		t.Fatal(tok, err)
	}
	if a, err := Alg(tok); a != "HS256" || err != nil {
		t.Fatal(a, err)
	}
	if k, err := KID("eyJraWQiOiJrZXktMSJ9"); k != "key-1" || err != nil {
		t.Fatal(k, err)
	}
	if n, err := Preamble(V2, make([]byte, 24)); n != 9+32 || err != nil {
		t.Fatal(n, err)
	}
	if p, _ := Payload(tok); string(p) != "{}" {
		t.Fatal(string(p))
	}
	if len(PAE([]byte("a"))) != 17 {
		t.Fatal("pae")
	}
	if n, _ := Nonce(V2, nil, nil); len(n) != 24 {
		t.Fatal(len(n))
	}
	if !TagBuffer(V4, make([]byte, 32)) || TagBuffer(0, nil) {
		t.Fatal("tag")
	}
}

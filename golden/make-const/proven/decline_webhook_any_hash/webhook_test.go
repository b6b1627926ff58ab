package webhook

import (
	"crypto/sha256"
	"crypto/sha512"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if got := Signature("sha256", sha256.New, []byte("Jefe"), []byte("what do ya want for nothing?")); got != "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" {
		t.Fatal(got)
	}
	// SHA-512's sum is 64 bytes, 128 hex digits: an array sized for SHA-256 panics here
	if got := Signature("sha512", sha512.New, []byte("Jefe"), []byte("what do ya want for nothing?")); len(got) != len("sha512=")+128 {
		t.Fatal(got)
	}
}

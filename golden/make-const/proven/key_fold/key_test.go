package key

import (
	"strings"
	"testing"
)

func TestBehaviour(t *testing.T) {
	if a, b := Fold("User:42"), Fold("user:42"); a != b || a == -1 {
		t.Fatal(a, b)
	}
	if Fold(strings.Repeat("k", maxKey)) == -1 {
		t.Fatal("a 48-byte key was refused")
	}
	if Fold(strings.Repeat("k", maxKey+1)) != -1 {
		t.Fatal("a 49-byte key was accepted")
	}
}

func TestAllocs(t *testing.T) {
	k := strings.Repeat("Key", 15)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Fold(k) }))
}

package kvlog

import (
	"bytes"
	"testing"
)

func TestBehaviour(t *testing.T) {
	seen := map[uint64]bool{}
	for _, c := range []struct{ key, val int }{{0, 0}, {1, 0}, {0, 1}, {64, 448}, {200, 312}, {512, 0}, {64, 449}, {513, 0}} {
		h, err := Fingerprint(bytes.Repeat([]byte("k"), c.key), bytes.Repeat([]byte("v"), c.val))
		if (err == nil) != (c.key+c.val <= 512) {
			t.Fatalf("Fingerprint(%d, %d): %v", c.key, c.val, err)
		}
		if err == nil && seen[h] {
			t.Fatalf("Fingerprint(%d, %d) = %x twice", c.key, c.val, h)
		}
		seen[h] = true
	}
	if a, _ := Fingerprint([]byte("ab"), []byte("c")); a == 0xcbf29ce484222325 {
		t.Fatal("the frame was not hashed")
	}
}

func TestAllocs(t *testing.T) {
	key, val := []byte("user/42/profile"), bytes.Repeat([]byte("v"), 200)
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { Fingerprint(key, val) }))
}

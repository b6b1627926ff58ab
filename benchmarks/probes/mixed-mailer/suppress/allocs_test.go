package suppress

import (
	"bytes"
	"testing"
	"time"
)

func TestAllocs(t *testing.T) {
	l := New()
	at := time.Unix(1000, 0)
	l.Add("Gone@Example.com", "hard", at)
	l.Add("soft@example.com", "soft", at)
	if !l.Suppressed("gone@example.com") || l.Suppressed("ok@example.com") {
		t.Fatal("suppressed")
	}
	rcpts := []string{"ok@example.com", "GONE@example.com", "soft@example.com"}
	if k := l.Filter(rcpts); len(k) != 1 || k[0] != "ok@example.com" {
		t.Fatal(k)
	}
	if l.Blocked(rcpts) != 2 {
		t.Fatal(l.Blocked(rcpts))
	}
	allocs(t, "Blocked", func() { l.Blocked(rcpts) })
	var b bytes.Buffer
	l.Export(&b)
	if b.String() != "gone@example.com hard 1000\nsoft@example.com soft 1000\n" {
		t.Fatalf("%q", b.String())
	}
	l2 := New()
	if n, err := l2.Import(&b); n != 2 || err != nil {
		t.Fatal(n, err)
	}
	if n := l2.Prune(time.Unix(2000, 0), "soft"); n != 1 || l2.Suppressed("soft@example.com") {
		t.Fatal(n)
	}
	l2.Remove("gone@example.com")
	if l2.Suppressed("gone@example.com") {
		t.Fatal("removed")
	}
}

package feed

import (
	"bytes"
	"strings"
	"testing"
)

// Two feeds open at once: a large event fills the first one's block, which reaches its own client.
func TestFeeds(t *testing.T) {
	var a, b bytes.Buffer
	var fa, fb Feed
	fa.Open(&a)
	fb.Open(&b)
	big := strings.Repeat("x", 5000)
	if err := fa.Send(big); err != nil {
		t.Fatal(err)
	}
	if want := "{\"feed\":\"open\"}\n\"xxxx"; !strings.HasPrefix(a.String(), want) || b.Len() != 0 {
		t.Fatalf("the clients got %.40q and %.40q", a.String(), b.String())
	}
}

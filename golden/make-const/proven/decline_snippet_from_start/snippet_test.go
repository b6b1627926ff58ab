package snippet

import (
	"strings"
	"testing"
)

// TestBehaviour: a stale offset shows all 400 bytes, more than the 166 a met start would allow.
func TestBehaviour(t *testing.T) {
	text := strings.Repeat("0123456789", 40)
	if got := Extract(text, 200); got != "..."+text[120:280]+"..." {
		t.Fatal("middle:", got)
	}
	if got := Extract(text, 1000); got != text {
		t.Fatal("stale offset:", got)
	}
}

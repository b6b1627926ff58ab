package sniff

import (
	"strings"
	"testing"
)

func TestHead(t *testing.T) {
	first := Head(strings.NewReader("GIF89a..."))
	second := Head(strings.NewReader("%PDF-1.7"))
	if string(first) != "GIF8" || string(second) != "%PDF" {
		t.Fatalf("heads %q and %q: the first changed under the second call", first, second)
	}
}

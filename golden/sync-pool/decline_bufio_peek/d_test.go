package sniff

import (
	"strings"
	"testing"
)

func TestMagic(t *testing.T) {
	gif, _ := Magic(strings.NewReader("GIF89a"))
	png, _ := Magic(strings.NewReader("\x89PNG...."))
	if string(gif) != "GIF8" || string(png) != "\x89PNG" {
		t.Fatalf("Magic = %q, %q", gif, png)
	}
}

package stream

import (
	"bytes"
	"testing"
)

func TestStart(t *testing.T) {
	var out bytes.Buffer
	lines := make(chan string)
	done := Start(&out, lines)
	lines <- "a"
	lines <- "b"
	close(lines)
	if err := <-done; err != nil || out.String() != "a\nb\n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}

package frames

import (
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	br, err := Open(strings.NewReader("\x7fpayload"))
	if err != nil {
		t.Fatal(err)
	}
	rest, _ := br.ReadString(0)
	if rest != "payload" {
		t.Fatalf("after the magic: %q", rest)
	}
}

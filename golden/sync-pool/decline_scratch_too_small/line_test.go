package line

import (
	"bytes"
	"strings"
	"testing"
)

func TestRelay(t *testing.T) {
	var out bytes.Buffer
	if err := Relay(&out, strings.NewReader("hello")); err != nil || out.String() != "hello" {
		t.Fatalf("Relay wrote %q, %v", out.String(), err)
	}
}

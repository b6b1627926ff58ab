package hook

import (
	"strings"
	"testing"
)

func TestEmit(t *testing.T) {
	var out strings.Builder
	if err := Emit(&out, "ready"); err != nil || out.String() != "ready" {
		t.Fatalf("Emit wrote %q, %v", out.String(), err)
	}
}

package tsv

import (
	"bytes"
	"testing"
)

func TestExport(t *testing.T) {
	for range 3 {
		var out bytes.Buffer
		if err := Export(&out, []string{"1", "a\tb"}); err != nil || out.String() != "1\ta b" {
			t.Fatalf("Export wrote %q, %v", out.String(), err)
		}
	}
}

//go:build audit

package tsv

import (
	"io"
	"testing"
)

func TestAuditCountsExports(t *testing.T) {
	for range 3 {
		Export(io.Discard, []string{"1", "2"})
	}
	if len(escaper.fields) != 3 {
		t.Fatalf("the audit saw %d exports, want 3", len(escaper.fields))
	}
}

package journal

import (
	"bytes"
	"testing"
)

func TestAppendThenClose(t *testing.T) {
	var first bytes.Buffer
	if err := Append(&first, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	if err := Close(); err != nil || first.String() != "a\nb\n-- closed\n" {
		t.Fatalf("wrote %q, %v", first.String(), err)
	}
}

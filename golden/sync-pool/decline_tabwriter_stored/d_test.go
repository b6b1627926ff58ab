package audit

import (
	"bytes"
	"testing"
)

func TestTrail(t *testing.T) {
	var out bytes.Buffer
	tr := Open(&out)
	tr.Add("ana", "login")
	tr.Add("bo", "delete")
	if err := tr.Close(); err != nil || out.String() != "WHO WHAT\nana login\nbo  delete\n" {
		t.Fatalf("wrote %q, %v", out.String(), err)
	}
}

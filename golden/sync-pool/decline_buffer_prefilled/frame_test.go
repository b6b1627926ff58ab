package frame

import "testing"

func TestRecord(t *testing.T) {
	if got := Record([]byte("v1|"), 7, "ann"); got != "v1|7:ann" {
		t.Fatalf("Record = %q", got)
	}
}

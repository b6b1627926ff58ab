package bufbytes

import "testing"

func TestKeysStayPut(t *testing.T) {
	a := Key("ann", 1)
	b := Key("bob", 22)
	if string(a) != "ann/1" || string(b) != "bob/22" {
		t.Fatalf("keys changed after a later call: %q %q", a, b)
	}
}

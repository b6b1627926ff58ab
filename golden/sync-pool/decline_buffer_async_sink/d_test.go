package ship

import "testing"

func TestLine(t *testing.T) {
	u := Uploader{Queue: make(chan []byte, 2)}
	Line(u, "INFO", "started")
	Line(u, "WARN", "disk low")
	if first, second := string(<-u.Queue), string(<-u.Queue); first != "INFO started\n" || second != "WARN disk low\n" {
		t.Fatalf("the uploader sends %q, %q", first, second)
	}
}

package batch

import "testing"

func TestRecords(t *testing.T) {
	s := Spool{Queue: make(chan []byte, 2)}
	Records(s, []string{"a", "b"})
	Records(s, []string{"c", "d"})
	if first, second := string(<-s.Queue), string(<-s.Queue); first != "a\nb\n" || second != "c\nd\n" {
		t.Fatalf("the spool stores %q, %q", first, second)
	}
}

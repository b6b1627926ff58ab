package buffield

import "testing"

func TestLast(t *testing.T) {
	var l Log
	l.Add("info", "started")
	if got := l.Last(); got != "[info] started" {
		t.Fatalf("Last = %q", got)
	}
}

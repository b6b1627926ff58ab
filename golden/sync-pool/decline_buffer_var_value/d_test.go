package bufvalue

import "testing"

func TestLast(t *testing.T) {
	Line("a", 1)
	Line("", 5)
	if got := Last(); got != "a=1" {
		t.Fatalf("Last = %q", got)
	}
}

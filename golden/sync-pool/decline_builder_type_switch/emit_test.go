package emit

import "testing"

func TestLine(t *testing.T) {
	if got := Line("a", "1", "b", "2"); got != "a=1 b=2" {
		t.Fatalf("Line = %q", got)
	}
}

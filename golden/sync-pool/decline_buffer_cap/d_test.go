package bufcap

import "testing"

func TestDescribe(t *testing.T) {
	for range 3 {
		if got := Describe("x"); got != "x fresh=true" {
			t.Fatalf("Describe = %q", got)
		}
	}
}

package bufgoroutine

import "testing"

func TestAsync(t *testing.T) {
	if got := <-Async("t", "body"); got != "# t\nbody" {
		t.Fatalf("Async = %q", got)
	}
}

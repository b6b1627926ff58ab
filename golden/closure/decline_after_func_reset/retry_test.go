package retry

import (
	"testing"
	"time"
)

func TestBehaviour(t *testing.T) {
	seen := make(chan string, 2)
	Again("first", time.Millisecond, seen)
	if a, b := <-seen, <-seen; a != "first" || b != "again" {
		t.Fatal(a, b)
	}
}

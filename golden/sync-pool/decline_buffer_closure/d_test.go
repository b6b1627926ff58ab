package bufclosure

import "testing"

func TestCollector(t *testing.T) {
	add, text := Collector("todo")
	add("a")
	if got := text(); got != "todo: a" {
		t.Fatalf("text = %q", got)
	}
}

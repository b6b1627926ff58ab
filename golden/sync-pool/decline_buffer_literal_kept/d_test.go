package history

import "testing"

func TestRecorder(t *testing.T) {
	add, last := Recorder()
	add("a", 1)
	if got := last(); got != "a=1" {
		t.Fatalf("after a: %q", got)
	}
	add("b", 2)
	if got := last(); got != "b=2" {
		t.Fatalf("after b: %q", got)
	}
}

package testclash

import "testing"

func TestRow(t *testing.T) {
	if got := Row("a", "b"); got != "a     |b     " {
		t.Fatalf("%q", got)
	}
	_ = getBuffer()
	_ = bufferPool
}

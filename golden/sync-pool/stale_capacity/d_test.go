package stalecapacity

import "testing"

func TestPeek(t *testing.T) {
	if Peek([]string{"abc", "def"}) != 0 || Peek([]string{"x"}) != 0 {
		t.Fatal("past the length, the buffer must read as zeros on every call")
	}
}

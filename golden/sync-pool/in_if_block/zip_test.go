package zip

import "testing"

func TestRepeats(t *testing.T) {
	if Repeats([]byte("aab"), true) != 1 || Repeats([]byte("aab"), false) != 1 {
		t.Fatal("wrong")
	}
}

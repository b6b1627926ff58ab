package sum

import "testing"

func TestSum(t *testing.T) {
	if Sum([]string{"\x01", "\x02\x03"}) != 9 {
		t.Fatal("wrong sum")
	}
}

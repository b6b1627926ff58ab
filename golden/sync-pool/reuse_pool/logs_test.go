package logs

import "testing"

func TestWidth(t *testing.T) {
	if Width([]string{"a", "bc"}) != 4 || Width(nil) != 0 {
		t.Fatal("wrong width")
	}
}

package cache

import "testing"

func TestUpper(t *testing.T) {
	if Upper([]string{"ab", "c1"}) != 3 {
		t.Fatal("wrong count")
	}
}

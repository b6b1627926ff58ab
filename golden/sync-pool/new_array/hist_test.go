package hist

import "testing"

func TestMode(t *testing.T) {
	if Mode([]byte{7, 1, 7, 1, 3, 3}) != 7 || Mode([]byte{3, 3}) != 3 {
		t.Fatal("counts must start at zero on every call")
	}
}

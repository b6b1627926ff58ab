package codec

import "testing"

func TestRoundTrip(t *testing.T) {
	if Encode([]string{"ab", "c"}) != 5 || Decode([]byte{2, 'a', 'b', 1, 'c'}) != 2 {
		t.Fatal("wrong")
	}
}

package slug

import "testing"

func TestMake(t *testing.T) {
	if s, grew := Make([]string{"A", "Very", "Long", "Title", "Indeed", "Friends"}); s != "a-very-long-title-indeed-friends" || !grew {
		t.Fatalf("Make = %q, %v", s, grew)
	}
	if s, grew := Make([]string{"Go"}); s != "go" || grew {
		t.Fatalf("a short Make after a long one = %q, %v", s, grew)
	}
}

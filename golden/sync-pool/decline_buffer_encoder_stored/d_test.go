package encstored

import "testing"

func TestAppend(t *testing.T) {
	first := Render(1)
	Append(2)
	if second := Render(3); first != "1\n" || second != "3\n" {
		t.Fatalf("Render = %q, then %q", first, second)
	}
}

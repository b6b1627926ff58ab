package table

import "testing"

func TestRender(t *testing.T) {
	if got := Render(map[string]int{"b": 2, "a": 1}); got != "2 rows\na      1\nb      2\n" {
		t.Fatalf("Render = %q", got)
	}
}

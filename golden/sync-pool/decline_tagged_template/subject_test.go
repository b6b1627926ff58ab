package subject

import "testing"

func TestRender(t *testing.T) {
	for range 2 {
		if got, err := Render("go"); err != nil || got != "[go]" {
			t.Fatalf("Render = %q, %v; want \"[go]\"", got, err)
		}
	}
}

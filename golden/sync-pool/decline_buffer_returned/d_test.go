package bufreturned

import "testing"

func TestRender(t *testing.T) {
	if got := Render(4).String(); got != "n=4" {
		t.Fatalf("Render = %q", got)
	}
}

package probe

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Check("primary", "standby", func(s string) string { return "checked " + s }); got != "checked standby" {
		t.Fatal(got)
	}
}

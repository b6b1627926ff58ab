package limits

import "testing"

func TestBehaviour(t *testing.T) {
	if got := Preset("strict"); got != (Limits{10, 1}) {
		t.Fatal(got)
	}
	if got := Preset("none"); got != (Limits{100, 10}) {
		t.Fatal(got)
	}
}

package sweep

import "testing"

func TestBehaviour(t *testing.T) {
	got := Sweep([]string{"a", "b", "c"}, func(label, target string) string { return label + "/" + target })
	if got != "r0/a,r0+/b,r0++/c|r0+++" {
		t.Fatal(got)
	}
}

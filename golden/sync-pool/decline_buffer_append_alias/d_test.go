package lines

import "testing"

func TestLines(t *testing.T) {
	first := Line("cpu", 12)
	second := Line("mem", 3456)
	if string(first) != "cpu=12\n" || string(second) != "mem=3456\n" {
		t.Fatalf("lines %q and %q", first, second)
	}
}

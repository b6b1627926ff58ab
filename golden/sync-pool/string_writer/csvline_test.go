package csvline

import "testing"

func TestLine(t *testing.T) {
	if got := Line([]string{"a", `b"c`}); got != "\"a\",\"b\"\"c\"\n" {
		t.Fatalf("Line = %q", got)
	}
	if got := Line(nil); got != "\n" {
		t.Fatalf("a second Line = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	fields := []string{"a", "b"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line(fields) }))
}

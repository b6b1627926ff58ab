package event

import "testing"

func TestLine(t *testing.T) {
	if got, err := Line(Event{"info", "up"}); err != nil || got != "{\"level\":\"info\",\"msg\":\"up\"}\n" {
		t.Fatalf("Line = %q, %v", got, err)
	}
	if got, _ := Line(Event{"warn", "<slow>"}); got != "{\"level\":\"warn\",\"msg\":\"\\u003cslow\\u003e\"}\n" {
		t.Fatalf("a second Line = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	e := Event{"info", "up"}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Line(e) }))
}

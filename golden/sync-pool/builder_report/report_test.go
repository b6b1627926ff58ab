package report

import (
	"testing"
	"time"
)

var day = time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)

func TestSummary(t *testing.T) {
	got := Summary("A17", day, []Line{{"tea", 2, 350}, {"scone", 1, 275}})
	want := "order A17 (2026-12-02)\n  tea      x2  3.50\n  scone    x1  2.75\n  total 9.75"
	if got != want {
		t.Fatalf("Summary =\n%s\nwant\n%s", got, want)
	}
	if again := Summary("B2", day, nil); again != "order B2 (2026-12-02)\n  total 0.00" {
		t.Fatalf("a second Summary = %q", again)
	}
}

func TestAllocsPerRun(t *testing.T) {
	lines := []Line{{"tea", 2, 350}, {"scone", 1, 275}, {"jam", 1, 400}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { Summary("A17", day, lines) }))
}

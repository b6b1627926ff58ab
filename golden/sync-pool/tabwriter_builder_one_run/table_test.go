package cli

import (
	"io"
	"testing"
)

func TestTable(t *testing.T) {
	for range 2 { // the second call takes pooled writers
		got := Table([]string{"NAME", "AGE"}, [][]string{{"web-1", "3d"}, {"db-0", "12m"}})
		if want := "  NAME AGE\n web-1  3d\n  db-0 12m\n"; got != want {
			t.Fatalf("Table = %q, want %q", got, want)
		}
	}
}

func TestAllocsPerRun(t *testing.T) {
	header, rows := []string{"NAME", "AGE"}, [][]string{{"web-1", "3d"}, {"db-0", "12m"}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(100, func() {
		Table(header, rows)
		Banner(io.Discard, "cli", "1.0")
	}))
}

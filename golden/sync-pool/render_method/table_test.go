package table

import "testing"

func TestString(t *testing.T) {
	tab := &Table{Header: []string{"k", "v"}, Rows: [][]string{{"a", "1"}}}
	if got := tab.String(); got != "k\tv\na\t1\n" {
		t.Fatalf("String = %q", got)
	}
	if got := (&Table{Header: []string{"x"}}).String(); got != "x\n" {
		t.Fatalf("a second String = %q", got)
	}
}

func TestAllocsPerRun(t *testing.T) {
	tab := &Table{Header: []string{"k", "v"}, Rows: [][]string{{"a", "1"}}}
	t.Logf("allocs/op: %v", testing.AllocsPerRun(200, func() { _ = tab.String() }))
}

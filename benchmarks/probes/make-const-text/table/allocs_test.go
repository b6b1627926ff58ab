package table

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "Pad", func() { Pad("name", 38, AlignLeft) })
	rows := [][]string{{"id", "name"}, {"1", "gopher"}}
	allocs(t, "Widths", func() { Widths(rows) })
	ws := []int{20, 30, 40, 20}
	allocs(t, "RuleLine", func() { RuleLine(ws) })
	allocs(t, "Truncate", func() { Truncate("a rather long cell value here", 20) })
	f := []string{"a", "b,c", "say \"hi\"", "plain text field"}
	allocs(t, "EncodeCSV", func() { EncodeCSV(f) })
	allocs(t, "SplitCSV", func() { SplitCSV("alpha,beta,gamma,delta,epsilon,zeta") })
	spec := []Field{{"id", 8}, {"name", 30}, {"city", 20}}
	vals := []string{"42", "gopher", "zurich"}
	allocs(t, "FixedRecord", func() { FixedRecord(spec, vals) })
	line := "alpha     beta      gamma     delta     epsilon   zeta      eta       theta     "
	allocs(t, "Cells", func() { Cells(line, 40) })
	allocs(t, "Columns", func() { Columns(line) })
}

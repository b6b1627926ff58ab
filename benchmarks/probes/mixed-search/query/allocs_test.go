package query

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestQuery(t *testing.T) {
	q, err := Parse(`search -slow "inverted Index" site:example.com the`)
	if err != nil || len(q.Clauses) != 4 {
		t.Fatal(q, err)
	}
	if got := q.Terms(); len(got) != 1 || got[0] != "search" || !q.HasExclusions() {
		t.Fatal(got)
	}
	if q.Key() == "" || q.Describe() == "" || q.TermCount() != 2 {
		t.Fatal(q.Key(), q.Describe(), q.TermCount())
	}
	if _, err := Parse(`"open`); err == nil {
		t.Fatal("unterminated")
	}
	allocs(t, "TermCount", func() { q.TermCount() })
	allocs(t, "Describe", func() { q.Describe() })
}

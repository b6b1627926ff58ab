package snippet

import (
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	text := strings.Repeat("search engines rank documents by relevance to queries. ", 10)
	if s := Extract(text, 200); len(s) != MaxSnippet+6 {
		t.Fatal("Extract", len(s))
	}
	allocs(t, "Extract", func() { Extract(text, 200) })
	if s := Trim("a\tb"); s != "a b" {
		t.Fatal("Trim", s)
	}
	allocs(t, "Trim", func() { Trim(text) })
	hits := make([]bool, 100)
	hits[50], hits[55], hits[60] = true, true, true
	if b := BestWindow(hits); b != 49 {
		t.Fatal("BestWindow", b)
	}
	words := strings.Fields(text)
	terms := map[string]bool{"search": true, "queries.": true}
	if n := WindowHits(words, terms); n != 4 {
		t.Fatal("WindowHits", n)
	}
	allocs(t, "WindowHits", func() { WindowHits(words, terms) })
	var sb strings.Builder
	if err := Highlight(&sb, "Search engines search", []string{"search"}); err != nil || sb.String() != "<b>Search</b> engines <b>search</b>" {
		t.Fatal("Highlight", sb.String())
	}
	allocs(t, "Highlight", func() { Highlight(io.Discard, text, []string{"search", "rank"}) })
	if n := MarkBytes("abcabc", []string{"bc"}); n != 4 {
		t.Fatal("MarkBytes", n)
	}
	var b Builder
	if s := b.Build(text); len(s) != MaxSnippet {
		t.Fatal("Build")
	}
}

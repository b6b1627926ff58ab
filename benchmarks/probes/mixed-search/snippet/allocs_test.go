package snippet

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestSnippet(t *testing.T) {
	var b bytes.Buffer
	body := "an inverted index maps every term to the documents that contain it, for fast search"
	Highlight(&b, body, []string{"index"})
	if !strings.Contains(b.String(), "<b>index</b>") {
		t.Fatal(b.String())
	}
	if Title("Go", "go.dev", 1.5) != "Go — go.dev (1.50)" || len(Render(body, []string{"search"})) == 0 {
		t.Fatal("title")
	}
	var s Summary
	if s.Write(3, 2) != "3 hits from 2 shards" {
		t.Fatal(s.last)
	}
	b.Reset()
	WriteResult(&b, 1, "Index", "https://x", body, []string{"term"})
	Stats(&b, 0.25, 3)
	allocs(t, "Highlight", func() { Highlight(io.Discard, body, []string{"index"}) })
	allocs(t, "WriteResult", func() { WriteResult(io.Discard, 1, "Index", "https://x", body, []string{"term"}) })
	allocs(t, "Stats", func() { Stats(io.Discard, 0.25, 3) })
	allocs(t, "Title", func() { Title("Go", "go.dev", 1.5) })
}

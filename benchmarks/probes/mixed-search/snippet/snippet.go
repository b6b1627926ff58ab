// Package snippet builds highlighted result snippets for the results page.
package snippet

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"example.com/probes/mixed-search/limits"
	"example.com/probes/mixed-search/text"
)

// Highlight writes the window of words around the first match of any term,
// with matches in <b>, to w.
func Highlight(w io.Writer, body string, terms []string) error {
	words := strings.Fields(body)
	at := -1
	for i, word := range words {
		if contains(terms, text.Lower(word)) {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	start := max(0, at-limits.SnippetWindow/2)
	end := min(len(words), start+limits.SnippetWindow)
	var buf bytes.Buffer
	if start > 0 {
		buf.WriteString("… ")
	}
	for i := start; i < end; i++ {
		if i > start {
			buf.WriteByte(' ')
		}
		if contains(terms, text.Lower(words[i])) {
			fmt.Fprintf(&buf, "<b>%s</b>", html.EscapeString(words[i]))
		} else {
			buf.WriteString(html.EscapeString(words[i]))
		}
	}
	if end < len(words) {
		buf.WriteString(" …")
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func contains(terms []string, w string) bool {
	for _, t := range terms {
		if t == w {
			return true
		}
	}
	return false
}

// Title returns the result title line: "title — host (score)".
func Title(title, host string, score float64) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s — %s (%.2f)", title, host, score)
	return buf.String()
}

// WriteResult writes one result block to w.
func WriteResult(w io.Writer, rank int, title, url, body string, terms []string) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%d. %s\n   %s\n   ", rank, title, url)
	if err := Highlight(&buf, body, terms); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := buf.WriteTo(w)
	return err
}

// Render returns a snippet kept by the result cache.
func Render(body string, terms []string) []byte {
	var buf bytes.Buffer
	_ = Highlight(&buf, body, terms)
	return buf.Bytes()
}

// Summary is a writer that keeps the last rendered summary.
type Summary struct {
	buf  *bytes.Buffer
	last string
}

// Write renders a summary line and keeps the buffer for the next call.
func (s *Summary) Write(hits, shards int) string {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "%d hits from %d shards", hits, shards)
	s.buf = buf
	s.last = buf.String()
	return s.last
}

// Stats writes a timing line to w through a local buffer.
func Stats(w io.Writer, took float64, hits int) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "About %d results (%.3f seconds)\n", hits, took)
	w.Write(buf.Bytes())
}

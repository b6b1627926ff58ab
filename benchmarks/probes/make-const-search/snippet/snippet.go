// Package snippet picks and highlights the part of a document a result page shows.
package snippet

import (
	"io"
	"strings"
)

// MaxSnippet is the longest snippet, in bytes.
const MaxSnippet = 160

// Window is the number of words a highlight window spans.
const Window = 12

// MaxMarks is how many highlights one snippet may hold.
const MaxMarks = 8

// Extract cuts a snippet of at most MaxSnippet bytes around at, with
// ellipses where it cuts.
func Extract(text string, at int) string {
	lo := max(at-MaxSnippet/2, 0)
	hi := min(lo+MaxSnippet, len(text))
	if lo > hi {
		lo = hi
	}
	buf := make([]byte, 0, hi-lo+6)
	if lo > 0 {
		buf = append(buf, "..."...)
	}
	buf = append(buf, text[lo:hi]...)
	if hi < len(text) {
		buf = append(buf, "..."...)
	}
	return string(buf)
}

// Trim cuts the text to MaxSnippet bytes and replaces control bytes.
func Trim(text string) string {
	if len(text) > MaxSnippet {
		text = text[:MaxSnippet]
	}
	buf := make([]byte, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < ' ' {
			c = ' '
		}
		buf[i] = c
	}
	return string(buf)
}

// BestWindow returns the first word of the Window-word window holding the
// most hits.
func BestWindow(hits []bool) int {
	if len(hits) <= Window {
		return 0
	}
	counts := make([]int, len(hits)-Window+1)
	c := 0
	for i, h := range hits {
		if h {
			c++
		}
		if i >= Window && hits[i-Window] {
			c--
		}
		if i >= Window-1 {
			counts[i-Window+1] = c
		}
	}
	best := 0
	for i, n := range counts {
		if n > counts[best] {
			best = i
		}
	}
	return best
}

// WindowHits counts the hits in each window of a snippet's words (a snippet
// holds at most MaxSnippet/2 words) and returns the densest.
func WindowHits(words []string, terms map[string]bool) int {
	if len(words) > MaxSnippet/2 {
		words = words[:MaxSnippet/2]
	}
	hits := make([]bool, len(words))
	for i, w := range words {
		hits[i] = terms[strings.ToLower(w)]
	}
	best := 0
	for i := range hits {
		n := 0
		for j := i; j < len(hits) && j < i+Window; j++ {
			if hits[j] {
				n++
			}
		}
		best = max(best, n)
	}
	return best
}

type span struct{ lo, hi int }

// Highlight writes the snippet to w with <b> around each term occurrence,
// marking at most MaxMarks.
func Highlight(w io.Writer, snippet string, terms []string) error {
	if len(snippet) > MaxSnippet {
		snippet = snippet[:MaxSnippet]
	}
	marks := make([]span, 0, MaxMarks)
	lower := strings.ToLower(snippet)
	for _, t := range terms {
		if t == "" {
			continue
		}
		for from := 0; len(marks) < cap(marks); {
			i := strings.Index(lower[from:], t)
			if i < 0 || len(lower) != len(snippet) {
				break
			}
			marks = append(marks, span{from + i, from + i + len(t)})
			from += i + len(t)
		}
	}
	out := make([]byte, 0, len(snippet)+7*len(marks))
	at := 0
	for _, m := range marks {
		if m.lo < at {
			continue
		}
		out = append(out, snippet[at:m.lo]...)
		out = append(out, "<b>"...)
		out = append(out, snippet[m.lo:m.hi]...)
		out = append(out, "</b>"...)
		at = m.hi
	}
	out = append(out, snippet[at:]...)
	_, err := w.Write(out)
	return err
}

// MarkBytes flags every byte of text inside a term occurrence and counts them.
func MarkBytes(text string, terms []string) int {
	marked := make([]bool, len(text))
	for _, t := range terms {
		for from := 0; t != "" && from < len(text); {
			i := strings.Index(text[from:], t)
			if i < 0 {
				break
			}
			for j := from + i; j < from+i+len(t); j++ {
				marked[j] = true
			}
			from += i + len(t)
		}
	}
	n := 0
	for _, m := range marked {
		if m {
			n++
		}
	}
	return n
}

// Builder keeps the last snippet it made for the result cache.
type Builder struct {
	last []byte
}

// Build cuts and keeps a snippet.
func (b *Builder) Build(text string) string {
	n := min(len(text), MaxSnippet)
	buf := make([]byte, n)
	copy(buf, text)
	b.last = buf
	return string(buf)
}

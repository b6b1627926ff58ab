// Package stages normalises user-entered text through a fixed pipeline of stages.
package stages

import "strings"

// Stage transforms a line of text.
type Stage interface {
	Apply(s string) string
}

// Trim drops the spaces around the text.
type Trim struct{}

func (Trim) Apply(s string) string { return strings.TrimSpace(s) }

// Replace replaces every Old by New.
type Replace struct{ Old, New string }

func (r Replace) Apply(s string) string { return strings.ReplaceAll(s, r.Old, r.New) }

// Counter counts the bytes that reach it.
type Counter struct{ N int }

func (c *Counter) Apply(s string) string {
	c.N += len(s)
	return s
}

// Normalize runs s through the pipeline and says how many bytes reached its end.
func Normalize(s string, tab string) (string, int) {
	var seen Counter // want "moved to heap: seen"
	tabs := Replace{"\t", tab}
	stages := []Stage{Trim{}, tabs, Replace{Old: "  ", New: " "}, &seen} // want "Trim{} escapes to heap" "tabs escapes to heap" "Replace{...} escapes to heap"
	for _, st := range stages {
		s = st.Apply(s)
	}
	return s, seen.N
}

// Lower lower-cases s after trimming it, counting the bytes it saw in a fresh counter.
func Lower(s string) string {
	for _, st := range []Stage{Trim{}, &Counter{}} { // want "Trim{} escapes to heap" "&Counter{} escapes to heap"
		s = st.Apply(s)
	}
	return strings.ToLower(s)
}

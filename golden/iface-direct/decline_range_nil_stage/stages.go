// Package stages normalises text through the stages a configuration names; a stage it does not name
// is nil.
package stages

import "strings"

// Stage transforms a line of text.
type Stage interface {
	Apply(s string) string
}

// Replace replaces every Old by New.
type Replace struct{ Old, New string }

func (r Replace) Apply(s string) string { return strings.ReplaceAll(s, r.Old, r.New) }

// Upper upper-cases the text.
type Upper struct{ Only string }

func (u Upper) Apply(s string) string {
	if u.Only != "" && !strings.Contains(s, u.Only) {
		return s
	}
	return strings.ToUpper(s)
}

// Normalize runs s through a tab replacement and upper, nil when the configuration names none: a nil
// stage panics, and the caller's recover logs the panic's message.
func Normalize(s string, upper *Upper) string {
	for _, st := range []Stage{Replace{"\t", " "}, upper} { // want "Replace{...} escapes to heap" // declined "the element upper is neither"
		s = st.Apply(s)
	}
	return s
}

// Package level indents trace output by verbosity level.
package level

// maxLevel is the deepest ordinary level; Verbose and every level above it are valid too.
const maxLevel = 8

// Level is a verbosity level: 0 to maxLevel, or Verbose or above (Verbose+n also dumps n frames of locals).
type Level int

// Verbose prints every frame.
const Verbose Level = 64

// Valid reports whether l is a level: either part may hold, so a valid level may be any above Verbose.
func (l Level) Valid() bool { return (l >= 0 && l <= maxLevel) || l >= Verbose }

// Indent hashes the indentation prefix of a frame at level l.
func Indent(l Level) uint32 {
	if !l.Valid() {
		return 0
	}
	pad := make([]byte, 4*l) // want(<go1.25) "make\\(\\[\\]byte, Level\\(4\\) \\* l\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, Level\\(4\\) \\* l\\) does not escape" // declined "speculative"
	for i := range pad {
		pad[i] = ' '
	}
	h := uint32(2166136261)
	for _, c := range pad {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

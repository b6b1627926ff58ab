// Package layout lays out the nested blocks of a pretty-printer.
package layout

const (
	maxNesting = 16
	tabWidth   = 4
)

// Outline renders the opening line of each nesting level of a block path ("func f() {", then "if x {"
// under it, …), each indented by its level; levels past maxNesting are folded into one "…".
func Outline(path []string) string {
	var out []byte
	for level := 0; level < len(path) && level < maxNesting; level++ {
		indent := make([]byte, level*tabWidth) // want(<go1.25) "make\\(\\[\\]byte, level \\* (tabWidth|4)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, level \\* (tabWidth|4)\\) does not escape"
		for i := range indent {
			indent[i] = ' '
		}
		out = append(out, indent...)
		out = append(out, path[level]...)
		out = append(out, '\n')
	}
	if len(path) > maxNesting {
		out = append(out, "…\n"...)
	}
	return string(out)
}

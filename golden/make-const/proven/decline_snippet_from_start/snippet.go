// Package snippet cuts the part of a document a search result shows.
package snippet

// maxSnippet is the longest snippet, in bytes, ellipses aside.
const maxSnippet = 160

// Extract cuts at most maxSnippet bytes around at; a stale offset past the end of the text shows it from its
// start instead, up to the end: the whole text, which nothing bounds.
func Extract(text string, at int) string {
	lo := max(at-maxSnippet/2, 0)
	hi := min(lo+maxSnippet, len(text))
	if lo > hi {
		lo = 0
	}
	buf := make([]byte, 0, hi-lo+6) // want(<go1.25) "make\\(\\[\\]byte, 0, hi - lo \\+ 6\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, hi - lo \\+ 6\\) does not escape" // declined "speculative"
	if lo > 0 {
		buf = append(buf, "..."...)
	}
	buf = append(buf, text[lo:hi]...)
	if hi < len(text) {
		buf = append(buf, "..."...)
	}
	return string(buf)
}

// Package match finds the handler for a request path.
package match

import (
	"fmt"
	"io"
	"strings"
)

// Route maps a path prefix to a page name.
type Route struct {
	Prefix, Page string
}

// Lookup returns a renderer for the first route matching path, or nil. The
// closure is returned to the caller, which calls it later; nothing writes title
// or r once it is made. (r is moved to the heap too: the loop is left right
// after the capture, so the go1.22 loopvar pass keeps one r for the whole loop,
// and that r is reassigned.)
func Lookup(routes []Route, path, site string) func(w io.Writer) {
	title := site // want "moved to heap: title"
	if title == "" {
		title = "untitled"
	}
	for _, r := range routes { // want "moved to heap: r"
		if strings.HasPrefix(path, r.Prefix) {
			return func(w io.Writer) { // want "func literal escapes to heap"
				fmt.Fprintf(w, "<title>%s - %s</title>\n", r.Page, title)
			}
		}
	}
	return nil
}

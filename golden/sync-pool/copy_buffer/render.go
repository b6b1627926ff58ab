// Package page renders a status page fully before writing it, so a failed render writes nothing.
package page

import (
	"bytes"
	"fmt"
	"io"
)

// Check is one health check's outcome.
type Check struct {
	Name string
	OK   bool
	Note string
}

// Render writes the page for the checks to w in one piece, or nothing when a check is unnamed.
func Render(w io.Writer, title string, checks []Check) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	fmt.Fprintf(&buf, "<h1>%s</h1>\n<ul>\n", title)
	for i, c := range checks {
		if c.Name == "" {
			return fmt.Errorf("page: check %d has no name", i)
		}
		state := "failing"
		if c.OK {
			state = "ok"
		}
		fmt.Fprintf(&buf, "<li>%s: %s %s</li>\n", c.Name, state, c.Note)
	}
	buf.WriteString("</ul>\n")
	_, err := io.Copy(w, &buf)
	return err
}

// Package subject renders notification subjects from the package's template: text/template's in the
// default build, a hand-written one under the `fasttmpl` tag (fast.go) that writes straight into a
// *strings.Builder and refuses any other writer. go/types names text/template's Execute for this
// build only: a bytes.Buffer standing for the Builder would break the other.
package subject

import (
	"strings"
)

// Render renders the subject, trimmed: a subject is one line.
func Render(data any) (string, error) {
	var sb strings.Builder // want "moved to heap: sb" // declined "another build compiles fast.go"
	if err := subject.Execute(&sb, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(sb.String()), nil
}

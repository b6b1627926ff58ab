// Package subject renders notification subjects from a user-editable template.
package subject

import (
	"strings"
	"text/template"
)

// Render executes the template into a string, trimmed: a subject is one line.
func Render(t *template.Template, data any) (string, error) {
	var sb strings.Builder // want "moved to heap: sb"
	if err := t.Execute(&sb, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(sb.String()), nil
}

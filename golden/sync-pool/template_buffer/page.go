// Package page renders HTML pages into a buffer first, so a template that fails midway sends an
// error instead of half a page.
package page

import (
	"bytes"
	"html/template"
	"io"
)

var pages = template.Must(template.New("pages").Parse(
	`{{define "list"}}<h1>{{.Title}}</h1><ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}`))

// List is the data of the list page.
type List struct {
	Title string
	Items []string
}

// Render writes the list page to w, or nothing if the template fails.
func Render(w io.Writer, data List) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	if err := pages.ExecuteTemplate(&buf, "list", data); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

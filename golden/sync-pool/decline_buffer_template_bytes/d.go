// Package snippet renders a snippet with a template and returns the buffer's own bytes: the
// template keeps nothing, but what Render returns is the buffer's storage.
package snippet

import (
	"bytes"
	"text/template"
)

var greeting = template.Must(template.New("greeting").Parse(`Hello, {{.}}!`))

// Render returns the greeting for name.
func Render(name string) ([]byte, error) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "and that is returned"
	if err := greeting.Execute(buf, name); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Package subject renders e-mail subjects from a text template.
package subject

import (
	"bytes"
	"text/template"
)

var subject = template.Must(template.New("subject").Parse(`[{{.Project}}] {{.Count}} new issue{{if ne .Count 1}}s{{end}}`))

// Digest is what a subject line says.
type Digest struct {
	Project string
	Count   int
}

// Line returns the subject line of the digest.
func Line(d Digest) (string, error) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	if err := subject.Execute(buf, d); err != nil {
		return "", err
	}
	return buf.String(), nil
}

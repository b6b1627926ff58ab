//go:build !fasttmpl

package subject

import "text/template"

var subject = template.Must(template.New("subject").Parse(" [{{.}}] "))

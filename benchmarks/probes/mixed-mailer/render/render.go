// Package render fills message templates.
package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/template"
	"unicode/utf8"

	"example.com/probes/mixed-mailer/limits"
)

// Data is what every template sees.
type Data struct {
	Name    string
	Product string
	Link    string
	Items   []string
}

// Text renders a template to a string.
func Text(t *template.Template, d Data) (string, error) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Subject renders the subject line, cut at a rune boundary so its folded header stays within one line.
func Subject(t *template.Template, d Data) (string, error) {
	var b strings.Builder
	if err := t.Execute(&b, d); err != nil {
		return "", err
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	const max = limits.FoldWidth - len("Subject: ")
	if len(s) <= max {
		return s, nil
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], nil
}

// To renders straight into the message writer.
func To(w io.Writer, t *template.Template, d Data) error {
	return t.Execute(w, d)
}

// Preheader is the hidden preview line: the first words of the text, at most width bytes.
func Preheader(text string, width int) string {
	width = min(width, limits.EncodedWidth)
	out := make([]byte, 0, width)
	for _, w := range strings.Fields(text) {
		if len(out)+len(w)+1 > width {
			break
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
	}
	return string(out)
}

// List renders the items as a numbered plain-text list into the caller's writer.
func List(w io.Writer, items []string) error {
	var b bytes.Buffer
	for i, it := range items {
		fmt.Fprintf(&b, "%2d. %s\n", i+1, it)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Footer renders the unsubscribe footer and keeps it: the caller attaches the bytes to every message.
func Footer(link string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "--\r\nTo stop these emails: %s\r\n", link)
	return b.Bytes()
}

// Many renders one template for many recipients, reusing nothing between them.
func Many(t *template.Template, ds []Data) ([]string, error) {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		s, err := Text(t, d)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

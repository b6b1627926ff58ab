// Package inlinehtml renders inline markup to HTML through a closed set of node types, and writes
// table rows through a bufio.Writer with a reused line buffer.
package inlinehtml

import (
	"bufio"
	"bytes"
	"html"
	"io"
	"strconv"
)

// span is implemented only in this package: its method name is unexported.
type span interface {
	render(w *bytes.Buffer)
}

type plain string

type code string

type link struct{ href, label string }

type strong struct{ children []span }

// marked embeds strong: its render is strong's, promoted.
type marked struct {
	strong
	class string
}

func (p plain) render(w *bytes.Buffer) { w.WriteString(html.EscapeString(string(p))) }

func (c code) render(w *bytes.Buffer) {
	w.WriteString("<code>")
	w.WriteString(html.EscapeString(string(c)))
	w.WriteString("</code>")
}

func (l link) render(w *bytes.Buffer) {
	w.WriteString(`<a href="`)
	w.WriteString(html.EscapeString(l.href))
	w.WriteString(`">`)
	w.WriteString(html.EscapeString(l.label))
	w.WriteString("</a>")
}

func (s strong) render(w *bytes.Buffer) {
	w.WriteString("<strong>")
	renderAll(w, s.children)
	w.WriteString("</strong>")
}

func renderAll(w *bytes.Buffer, spans []span) {
	for _, s := range spans {
		s.render(w)
	}
}

// Paragraph renders the spans as one HTML paragraph.
func Paragraph(spans []span) string {
	var buf bytes.Buffer // want "moved to heap: buf"
	buf.WriteString("<p>")
	renderAll(&buf, spans)
	buf.WriteString("</p>")
	return buf.String()
}

// WriteRows writes each row as comma-separated integers, one line per row.
func WriteRows(w io.Writer, rows [][]int) error {
	bw := bufio.NewWriterSize(w, 256)
	line := make([]byte, 0, 512) // want "make\\(\\[\\]byte, 0, 512\\) escapes to heap"
	for _, r := range rows {
		line = line[:0]
		for i, v := range r {
			if i > 0 {
				line = append(line, ',')
			}
			line = strconv.AppendInt(line, int64(v), 10)
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

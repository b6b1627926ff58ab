package renderkit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// Row is one exported record.
type Row struct {
	ID    int
	Name  string
	Email string
	Score float64
}

// ExportCSV writes the rows as CSV through a buffer so a failing writer
// never sees half a file.
func ExportCSV(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.Write([]string{"id", "name", "email", "score"}); err != nil {
		return err
	}
	rec := make([]string, 4)
	for _, r := range rows {
		rec[0] = strconv.Itoa(r.ID)
		rec[1] = r.Name
		rec[2] = r.Email
		rec[3] = strconv.FormatFloat(r.Score, 'f', 2, 64)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ExportTSV writes tab-separated rows through a bufio.Writer.
func ExportTSV(w io.Writer, rows []Row) error {
	bw := bufio.NewWriterSize(w, 32<<10)
	for _, r := range rows {
		fmt.Fprintf(bw, "%d\t%s\t%s\t%.2f\n", r.ID, r.Name, r.Email, r.Score)
	}
	return bw.Flush()
}

// MarkdownTable renders a GitHub-flavoured Markdown table.
func MarkdownTable(w io.Writer, header []string, rows [][]string) error {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = len(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(widths) && len(c) > widths[i] {
				widths[i] = len(c)
			}
		}
	}
	buf := new(bytes.Buffer)
	writeRow := func(cells []string) {
		buf.WriteByte('|')
		for i, c := range cells {
			buf.WriteByte(' ')
			buf.WriteString(c)
			buf.WriteString(strings.Repeat(" ", widths[i]-len(c)))
			buf.WriteString(" |")
		}
		buf.WriteByte('\n')
	}
	writeRow(header)
	buf.WriteByte('|')
	for _, wd := range widths {
		buf.WriteString(strings.Repeat("-", wd+2))
		buf.WriteByte('|')
	}
	buf.WriteByte('\n')
	for _, r := range rows {
		writeRow(r)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// HTMLTable renders an escaped HTML table.
func HTMLTable(w io.Writer, header []string, rows [][]string) error {
	var b strings.Builder
	b.WriteString("<table>\n<thead><tr>")
	for _, h := range header {
		b.WriteString("<th>")
		b.WriteString(html.EscapeString(h))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// CSVLine returns one CSV-quoted line; the string is returned, the buffer
// is not, so recycling it would be fine.
func CSVLine(fields []string) string {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(fields)
	cw.Flush()
	return strings.TrimSuffix(buf.String(), "\n")
}

// Exporter keeps its own buffer across calls: that one is owned by the
// struct and must stay.
type Exporter struct {
	buf bytes.Buffer
	w   io.Writer
}

func (e *Exporter) Add(r Row) {
	fmt.Fprintf(&e.buf, "%d,%s\n", r.ID, r.Name)
	if e.buf.Len() > 4096 {
		e.w.Write(e.buf.Bytes())
		e.buf.Reset()
	}
}

// Sink is whatever a plugin registered; we know nothing of what it keeps.
type Sink interface {
	Consume(b *bytes.Buffer)
}

// ExportTo lets a plugin consume the rendered rows: the plugin may keep
// the buffer, so it must not be pooled.
func ExportTo(s Sink, rows []Row) {
	buf := new(bytes.Buffer)
	for _, r := range rows {
		fmt.Fprintf(buf, "%d %s\n", r.ID, r.Name)
	}
	s.Consume(buf)
}

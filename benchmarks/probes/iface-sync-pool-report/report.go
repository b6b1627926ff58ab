package probe42

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// Row is one line of a usage report.
type Row struct {
	Name  string
	Count int
	Cost  float64
}

// Report is what the API returns.
type Report struct {
	Title string
	Rows  []Row
}

// CSVBytes renders rows as CSV; the caller owns the result.
func CSVBytes(rows []Row) ([]byte, error) {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"name", "count", "cost"})
	for _, r := range rows {
		cw.Write([]string{r.Name, strconv.Itoa(r.Count), strconv.FormatFloat(r.Cost, 'f', 2, 64)})
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

// WriteJSONReport writes an indented JSON document to w.
func WriteJSONReport(w io.Writer, r Report) error {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// HTMLTable writes rows as an HTML table in one write.
func HTMLTable(w io.Writer, rows []Row) error {
	var sb strings.Builder
	sb.WriteString("<table>\n")
	for _, r := range rows {
		fmt.Fprintf(&sb, "<tr><td>%s</td><td>%d</td></tr>\n", html.EscapeString(r.Name), r.Count)
	}
	sb.WriteString("</table>\n")
	_, err := io.WriteString(w, sb.String())
	return err
}

// Summary is a one-line description of a report.
func Summary(r Report) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %d rows", r.Title, len(r.Rows))
	return sb.String()
}

// Digest is the hex SHA-256 of the report's JSON form, used as an ETag.
func Digest(r Report) (string, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(r); err != nil {
		return "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:]), nil
}

// JSONString returns the compact JSON of a report as a string.
func JSONString(r Report) (string, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(r); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// Formatter renders rows to w.
type Formatter interface {
	Format(w io.Writer, rows []Row) error
}

type csvFormatter struct{ sep rune }

func (f *csvFormatter) Format(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.Comma = f.sep
	for _, r := range rows {
		cw.Write([]string{r.Name, strconv.Itoa(r.Count)})
	}
	cw.Flush()
	return cw.Error()
}

type textFormatter struct{ width int }

func (f *textFormatter) Format(w io.Writer, rows []Row) error {
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%-*s %6d\n", f.width, r.Name, r.Count); err != nil {
			return err
		}
	}
	return nil
}

// RenderAs picks a formatter by name.
func RenderAs(kind string, w io.Writer, rows []Row) error {
	c := csvFormatter{sep: ','}
	t := textFormatter{width: 12}
	formats := map[string]any{"csv": &c, "text": &t}
	f, ok := formats[kind].(Formatter)
	if !ok {
		return fmt.Errorf("unknown format %q", kind)
	}
	return f.Format(w, rows)
}

// RenderText uses the text formatter through the registry's interface.
func RenderText(w io.Writer, rows []Row) error {
	t := textFormatter{width: 10}
	formats := map[string]any{"text": &t}
	return formats["text"].(Formatter).Format(w, rows)
}

// Totals writes a totals line; a formatter can be swapped in for tests.
type totalsOpts struct {
	Label string
	Out   any
}

// WriteTotals writes the count and cost totals.
func WriteTotals(w io.Writer, rows []Row) error {
	var n int
	var cost float64
	for _, r := range rows {
		n += r.Count
		cost += r.Cost
	}
	tf := textFormatter{width: 8}
	opts := totalsOpts{Label: "total", Out: &tf}
	return opts.Out.(Formatter).Format(w, []Row{{Name: opts.Label, Count: n, Cost: cost}})
}

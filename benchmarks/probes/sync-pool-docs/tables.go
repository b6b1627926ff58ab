package docs

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Release is one changelog entry.
type Release struct {
	Version string
	Date    time.Time
	Changes map[string][]string // section -> lines
}

var sections = []string{"Added", "Changed", "Fixed", "Removed"}

// Changelog writes releases in Keep a Changelog form.
func Changelog(w io.Writer, releases []Release) error {
	var buf bytes.Buffer
	io.WriteString(&buf, "# Changelog\n")
	for _, r := range releases {
		fmt.Fprintf(&buf, "\n## [%s] - %s\n", r.Version, r.Date.Format("2006-01-02"))
		for _, s := range sections {
			lines := r.Changes[s]
			if len(lines) == 0 {
				continue
			}
			fmt.Fprintf(&buf, "\n### %s\n\n", s)
			for _, l := range lines {
				fmt.Fprintf(&buf, "- %s\n", l)
			}
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Row is one line of a report.
type Row struct {
	Name    string
	Count   int
	Ratio   float64
	Updated time.Time
}

// MarkdownTable renders rows as a GitHub table.
func MarkdownTable(rows []Row) string {
	var b bytes.Buffer
	b.WriteString("| name | count | ratio |\n| --- | ---: | ---: |\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %.1f%% |\n", strings.ReplaceAll(r.Name, "|", `\|`), r.Count, r.Ratio*100)
	}
	return b.String()
}

// TextReport writes aligned columns for a terminal.
func TextReport(w io.Writer, rows []Row) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "NAME\tCOUNT\tRATIO\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t\n", r.Name, r.Count, r.Ratio)
	}
	return tw.Flush()
}

// ExportCSV writes rows as CSV with a header.
func ExportCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "count", "ratio", "updated"})
	for _, r := range rows {
		cw.Write([]string{r.Name, strconv.Itoa(r.Count), strconv.FormatFloat(r.Ratio, 'f', 4, 64), r.Updated.Format(time.RFC3339)})
	}
	cw.Flush()
	return cw.Error()
}

// ExportTSV writes rows as TSV, tabs and newlines in names replaced by spaces.
func ExportTSV(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	buf.WriteString("name\tcount\tratio\n")
	line := make([]byte, 0, 128)
	for _, r := range rows {
		line = line[:0]
		line = append(line, strings.Map(tsvSafe, r.Name)...)
		line = append(line, '\t')
		line = strconv.AppendInt(line, int64(r.Count), 10)
		line = append(line, '\t')
		line = strconv.AppendFloat(line, r.Ratio, 'f', 4, 64)
		line = append(line, '\n')
		buf.Write(line)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func tsvSafe(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// CSVRecord returns one CSV line for fields, quoted as encoding/csv would.
func CSVRecord(fields []string) string {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write(fields)
	cw.Flush()
	return strings.TrimSuffix(buf.String(), "\n")
}

// Summary renders a one-line summary for a status bar.
func Summary(rows []Row) string {
	total := 0
	for _, r := range rows {
		total += r.Count
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d rows, %d total", len(rows), total)
	if len(rows) > 0 {
		fmt.Fprintf(&sb, ", last updated %s", rows[len(rows)-1].Updated.Format(time.DateOnly))
	}
	return sb.String()
}

// Report caches its last rendering (must decline: stored in a struct).
type Report struct {
	last *bytes.Buffer
}

// Render renders rows and remembers the result.
func (r *Report) Render(rows []Row) string {
	buf := &bytes.Buffer{}
	fmt.Fprint(buf, MarkdownTable(rows))
	r.last = buf
	return buf.String()
}

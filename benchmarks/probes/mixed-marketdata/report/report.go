// Package report renders end-of-day reports into buffers.
package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"example.com/probes/mixed-marketdata/limits"
)

// Row is one symbol's day.
type Row struct {
	Symbol                 string
	Open, High, Low, Close int64
	Volume                 int64
}

func px(v int64) string { return fmt.Sprintf("%d.%04d", v/10000, v%10000) }

// Line writes one row.
func Line(w io.Writer, r Row) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%-*s %12s %12s %12s %12s %10d\n", limits.SymbolWidth, r.Symbol,
		px(r.Open), px(r.High), px(r.Low), px(r.Close), r.Volume)
	_, err := w.Write(buf.Bytes())
	return err
}

// Table writes every row aligned by a tabwriter into a buffer, then to w.
func Table(w io.Writer, rows []Row) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 1, ' ', 0)
	fmt.Fprintln(tw, "SYMBOL\tOPEN\tCLOSE\tVOLUME")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", r.Symbol, px(r.Open), px(r.Close), r.Volume)
	}
	tw.Flush()
	_, err := buf.WriteTo(w)
	return err
}

// Summary returns a one-line summary string.
func Summary(rows []Row) string {
	var b strings.Builder
	var vol int64
	for _, r := range rows {
		vol += r.Volume
	}
	fmt.Fprintf(&b, "%d symbols, %d shares", len(rows), vol)
	return b.String()
}

// Header writes a report header with io.WriteString into a builder.
func Header(w io.Writer, title, date string) error {
	var b strings.Builder
	io.WriteString(&b, title)
	io.WriteString(&b, " — ")
	io.WriteString(&b, date)
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Attachment renders the rows and keeps the buffer for a mailer.
type Attachment struct {
	Body *bytes.Buffer
}

// Attach renders rows into an attachment the caller keeps.
func Attach(rows []Row) Attachment {
	var buf bytes.Buffer
	for _, r := range rows {
		fmt.Fprintf(&buf, "%s,%d,%d\n", r.Symbol, r.Close, r.Volume)
	}
	return Attachment{Body: &buf}
}

// Movers writes the top movers, at most limits.MaxLevels of them, through a bounded scratch list.
func Movers(w io.Writer, rows []Row) error {
	n := min(len(rows), limits.MaxLevels)
	names := make([]string, 0, n)
	for _, r := range rows[:n] {
		if r.Close != r.Open {
			names = append(names, r.Symbol)
		}
	}
	_, err := fmt.Fprintf(w, "movers: %s\n", strings.Join(names, " "))
	return err
}

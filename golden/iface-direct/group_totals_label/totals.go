// Package totals writes the totals line of a report.
package totals

import (
	"fmt"
	"io"
)

// Row is one line of the report.
type Row struct {
	Name  string
	Count int
}

// Formatter renders rows.
type Formatter interface {
	Format(w io.Writer, rows []Row) error
}

type textFormatter struct{ width int }

func (f *textFormatter) Format(w io.Writer, rows []Row) error {
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%-*s %d\n", f.width, r.Name, r.Count); err != nil {
			return err
		}
	}
	return nil
}

// totalsOpts lets tests swap in another formatter.
type totalsOpts struct {
	Label string
	Out   any
}

// WriteTotals writes the count total under the options' label.
func WriteTotals(w io.Writer, rows []Row) error {
	n := 0
	for _, r := range rows {
		n += r.Count
	}
	tf := textFormatter{width: 8} // want "moved to heap: tf"
	opts := totalsOpts{Label: "total", Out: &tf}
	return opts.Out.(Formatter).Format(w, []Row{{Name: opts.Label, Count: n}})
}

// Package export writes rows with a configurable field formatter.
package export

import (
	"fmt"
	"io"
	"strings"
)

// joiner returns a function that joins fields with sep, quoting fields that
// contain sep or a quote.
func joiner(sep string) func(fields []string) string {
	switch sep {
	case ",", ";", "\t", "|":
	default:
		panic(fmt.Sprintf("export: bad separator %q", sep))
	}
	return func(fields []string) string { // want "func literal escapes to heap" // declined "used other than as an immediate call"
		out := make([]string, len(fields))
		for i, f := range fields {
			if strings.Contains(f, sep) || strings.Contains(f, `"`) {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			out[i] = f
		}
		return strings.Join(out, sep)
	}
}

// Header renders a header line (an immediate call).
func Header(cols []string) string { return joiner(",")(cols) }

// Write writes every row. Here the formatter is kept in a variable and used
// many times, so joiner is not only immediately called: it must stay a
// factory.
func Write(w io.Writer, rows [][]string, sep string) error {
	format := joiner(sep)
	for _, r := range rows {
		if _, err := io.WriteString(w, format(r)+"\n"); err != nil {
			return err
		}
	}
	return nil
}

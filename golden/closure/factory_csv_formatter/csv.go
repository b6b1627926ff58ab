// Package report renders rows as delimiter-separated text.
package report

import (
	"fmt"
	"strings"
)

// fieldFormatter returns a function that joins fields with sep, quoting a
// field when it contains the separator, a quote or a line break.
func fieldFormatter(sep rune, quoteAll bool) func(fields []string) string {
	special := "\"\r\n"
	switch sep {
	case ',', ';', '\t', '|':
		special += string(sep)
	default:
		panic(fmt.Sprintf("report: unsupported separator %q", sep))
	}
	return func(fields []string) string { // want "func literal escapes to heap"
		// keep: comment inside the formatter
		var b strings.Builder
		for i, f := range fields {
			if i > 0 {
				b.WriteRune(sep)
			}
			if quoteAll || strings.ContainsAny(f, special) {
				b.WriteByte('"')
				b.WriteString(strings.ReplaceAll(f, `"`, `""`))
				b.WriteByte('"')
				continue
			}
			b.WriteString(f)
		}
		return b.String()
	}
}

// CSV renders one row as comma-separated values.
func CSV(row []string) string {
	return fieldFormatter(',', false)(row)
}

// TSV renders rows as tab-separated values, one line per row.
func TSV(rows [][]string) string {
	var out strings.Builder
	for _, row := range rows {
		out.WriteString(fieldFormatter('\t', false)(row))
		out.WriteByte('\n')
	}
	return out.String()
}

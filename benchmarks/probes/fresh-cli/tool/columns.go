package tool

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"example.com/freshcli/format"
)

// padRight pads s with spaces to width runes, truncating longer values.
func padRight(s string, width int) string {
	if width > format.ColumnWidth {
		width = format.ColumnWidth
	}
	if width < 0 {
		width = 0
	}
	buf := make([]byte, 0, width*utf8.UTFMax)
	n := 0
	for _, r := range s {
		if n == width {
			break
		}
		buf = utf8.AppendRune(buf, r)
		n++
	}
	for ; n < width; n++ {
		buf = append(buf, ' ')
	}
	return string(buf)
}

// widths computes each column's display width over the rows.
func widths(rows [][]string) []int {
	w := make([]int, format.MaxColumns)
	cols := 0
	for _, r := range rows {
		for i, c := range r {
			if i >= format.MaxColumns {
				break
			}
			w[i] = max(w[i], utf8.RuneCountInString(c))
			cols = max(cols, i+1)
		}
	}
	return w[:cols]
}

// renderTable writes rows as aligned columns.
func renderTable(w io.Writer, rows [][]string) error {
	ws := widths(rows)
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			if i < len(ws) {
				line.WriteString(padRight(c, ws[i]))
				line.WriteByte(' ')
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(line.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

// rule draws a horizontal rule under a header of n columns.
func rule(n int) string {
	n = min(n, format.MaxColumns)
	dashes := make([]byte, n*(format.ColumnWidth+1))
	for i := range dashes {
		dashes[i] = '-'
	}
	return string(dashes)
}

// formatCell renders a value for a cell.
func formatCell(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return fmt.Sprintf("%d", x)
	case float64:
		return fmt.Sprintf("%.2f", x)
	}
	return fmt.Sprint(v)
}

// rightAlign renders an integer right-aligned in a column.
func rightAlign(n, width int) string {
	return fmt.Sprintf("%*d", width, n)
}

// header formats a numbered header line.
func header(names []string) string {
	var b strings.Builder
	for i, n := range names {
		fmt.Fprintf(&b, "%d:%s ", i+1, n)
	}
	return b.String()
}

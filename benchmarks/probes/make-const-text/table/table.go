// Package table renders rows as aligned columns, CSV and fixed-width records.
package table

import (
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"example.com/recfmt/limits"
)

var errShape = errors.New("table: bad shape")

// Align says where a cell's text sits in its column.
type Align int

const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

const gutter = 2

// Pad returns s padded with spaces to width runes, aligned as a says.
func Pad(s string, width int, a Align) string {
	width = min(width, limits.MaxCell)
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	fill := make([]byte, width-n)
	for i := range fill {
		fill[i] = ' '
	}
	switch a {
	case AlignRight:
		return string(fill) + s
	case AlignCenter:
		h := len(fill) / 2
		return string(fill[:h]) + s + string(fill[h:])
	}
	return s + string(fill)
}

// Widths returns each column's width: the widest cell, clamped to MaxCell.
func Widths(rows [][]string) []int {
	if len(rows) == 0 {
		return nil
	}
	w := make([]int, len(rows[0]))
	for _, r := range rows {
		for i := 0; i < len(r) && i < len(w); i++ {
			w[i] = max(w[i], min(utf8.RuneCountInString(r[i]), limits.MaxCell))
		}
	}
	return w
}

// Render writes one row with the given widths.
func Render(dst io.Writer, row []string, widths []int) error {
	if len(widths) > limits.MaxCols || len(row) > len(widths) {
		return errShape
	}
	total := 0
	for _, w := range widths {
		total += min(w, limits.MaxCell) + gutter
	}
	line := make([]byte, 0, total+1)
	for i, c := range row {
		line = append(line, Pad(c, widths[i], AlignLeft)...)
		line = append(line, "  "...)
	}
	line = append(line, '\n')
	_, err := dst.Write(line)
	return err
}

// RuleLine returns the dashed rule under a header of the given widths.
func RuleLine(widths []int) string {
	if len(widths) > limits.MaxCols {
		return ""
	}
	total := 0
	for _, w := range widths {
		total += min(w, limits.MaxCell) + gutter
	}
	line := make([]byte, 0, total)
	for _, w := range widths {
		line = append(line, strings.Repeat("-", min(w, limits.MaxCell))...)
		line = append(line, "  "...)
	}
	return string(line)
}

// Truncate shortens s to width runes, ending in an ellipsis when it cut.
func Truncate(s string, width int) string {
	if width <= 1 || width > limits.MaxCell {
		return s
	}
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	rs := make([]rune, 0, width)
	for _, r := range s {
		if len(rs) == width-1 {
			break
		}
		rs = append(rs, r)
	}
	rs = append(rs, '…')
	return string(rs)
}

// csvQuote reports whether a field needs quotes.
func csvQuote(f string) bool {
	return f == "" || strings.ContainsAny(f, "\",\r\n") || f[0] == ' ' || f[len(f)-1] == ' '
}

// EncodeCSV appends one CSV record to a line (RFC 4180 quoting) and returns its checksum.
func EncodeCSV(fields []string) (uint32, error) {
	if len(fields) > limits.MaxCols {
		return 0, errShape
	}
	n := 0
	for _, f := range fields {
		if len(f) > limits.MaxCell {
			return 0, errShape
		}
		n += 2*len(f) + 3
	}
	line := make([]byte, 0, n)
	for i, f := range fields {
		if i > 0 {
			line = append(line, ',')
		}
		if !csvQuote(f) {
			line = append(line, f...)
			continue
		}
		line = append(line, '"')
		for j := 0; j < len(f); j++ {
			if f[j] == '"' {
				line = append(line, '"')
			}
			line = append(line, f[j])
		}
		line = append(line, '"')
	}
	var h uint32 = 2166136261
	for _, b := range line {
		h = (h ^ uint32(b)) * 16777619
	}
	return h, nil
}

// WriteCSV writes the record to w; the buffer goes to the writer.
func WriteCSV(w io.Writer, fields []string) error {
	if len(fields) > limits.MaxCols {
		return errShape
	}
	n := 1
	for _, f := range fields {
		n += len(f) + 3
	}
	line := make([]byte, 0, n)
	for i, f := range fields {
		if i > 0 {
			line = append(line, ',')
		}
		line = append(line, f...)
	}
	line = append(line, '\n')
	_, err := w.Write(line)
	return err
}

// SplitCSV splits a simple (unquoted) CSV line and returns the widest field.
func SplitCSV(line string) int {
	if len(line) > limits.MaxLine {
		return -1
	}
	offs := make([]int, 0, strings.Count(line, ",")+1)
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == ',' {
			offs = append(offs, i-start)
			start = i + 1
		}
	}
	offs = append(offs, len(line)-start)
	w := 0
	for _, o := range offs {
		w = max(w, o)
	}
	return w
}

// Field describes one fixed-width column.
type Field struct {
	Name  string
	Width int
}

// FixedRecord encodes values into one fixed-width record and returns its byte sum.
func FixedRecord(spec []Field, vals []string) (int, error) {
	if len(spec) != len(vals) || len(spec) > limits.MaxCols {
		return 0, errShape
	}
	size := 0
	for _, f := range spec {
		if f.Width <= 0 || f.Width > limits.MaxCell {
			return 0, errShape
		}
		size += f.Width
	}
	rec := make([]byte, size)
	off := 0
	for i, f := range spec {
		n := copy(rec[off:off+f.Width], vals[i])
		for j := off + n; j < off+f.Width; j++ {
			rec[j] = ' '
		}
		off += f.Width
	}
	sum := 0
	for _, b := range rec {
		sum += int(b)
	}
	return sum, nil
}

// Cells splits a fixed-width line of columns that are each width bytes wide.
func Cells(line string, width int) int {
	if width <= 0 {
		return 0
	}
	count := 0
	for i := 0; i < len(line); i += width {
		end := min(i+width, len(line))
		cell := make([]byte, end-i)
		copy(cell, line[i:end])
		if strings.TrimSpace(string(cell)) != "" {
			count++
		}
	}
	return count
}

// Columns splits a fixed-width line into cells of at most MaxCell bytes each and counts the non-blank ones.
func Columns(line string) int {
	count := 0
	for i := 0; i < len(line); i += limits.MaxCell {
		end := min(i+limits.MaxCell, len(line))
		cell := make([]byte, end-i)
		copy(cell, line[i:end])
		if strings.TrimSpace(string(cell)) != "" {
			count++
		}
	}
	return count
}

package codegen

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Table is a CLI table of rows under a header.
type Table struct {
	Header []string
	Rows   [][]string
}

// PrintTable aligns the table with a tabwriter and writes it in one Write.
func PrintTable(w io.Writer, t *Table) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Header, "\t"))
	for _, r := range t.Rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// RenderTable returns the aligned table as a string.
func RenderTable(t *Table) string {
	var sb strings.Builder
	tw := tabwriter.NewWriter(&sb, 0, 4, 1, ' ', tabwriter.AlignRight)
	for i, h := range t.Header {
		if i > 0 {
			tw.Write([]byte{'\t'})
		}
		io.WriteString(tw, h)
	}
	tw.Write([]byte{'\t', '\n'})
	for _, r := range t.Rows {
		fmt.Fprintf(tw, "%s\t\n", strings.Join(r, "\t"))
	}
	tw.Flush()
	return sb.String()
}

// widths measures each column in runes.
func widths(t *Table) []int {
	ws := make([]int, len(t.Header))
	for i, h := range t.Header {
		ws[i] = utf8.RuneCountInString(h)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			if i < len(ws) && utf8.RuneCountInString(c) > ws[i] {
				ws[i] = utf8.RuneCountInString(c)
			}
		}
	}
	return ws
}

// BoxTable draws the table with box characters.
func BoxTable(t *Table) string {
	ws := widths(t)
	var b bytes.Buffer
	line := func(l, m, r string) {
		b.WriteString(l)
		for i, w := range ws {
			if i > 0 {
				b.WriteString(m)
			}
			b.WriteString(strings.Repeat("─", w+2))
		}
		b.WriteString(r + "\n")
	}
	row := func(cells []string) {
		for i, w := range ws {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			fmt.Fprintf(&b, "│ %-*s ", w, c)
		}
		b.WriteString("│\n")
	}
	line("┌", "┬", "┐")
	row(t.Header)
	line("├", "┼", "┤")
	for _, r := range t.Rows {
		row(r)
	}
	line("└", "┴", "┘")
	return b.String()
}

// MarkdownTable writes the table as GitHub markdown.
func MarkdownTable(w io.Writer, t *Table) error {
	var buf bytes.Buffer
	buf.WriteString("| " + strings.Join(t.Header, " | ") + " |\n|")
	for range t.Header {
		buf.WriteString(" --- |")
	}
	buf.WriteByte('\n')
	for _, r := range t.Rows {
		fmt.Fprintf(&buf, "| %s |\n", strings.Join(r, " | "))
	}
	_, err := buf.WriteTo(w)
	return err
}

// CSVish prints rows as comma separated values without quoting, for quick pastes.
func CSVish(t *Table) []byte {
	var buf bytes.Buffer
	fmt.Fprintln(&buf, strings.Join(t.Header, ","))
	for _, r := range t.Rows {
		fmt.Fprintln(&buf, strings.Join(r, ","))
	}
	return append([]byte(nil), buf.Bytes()...)
}

// Op is one line of a line diff.
type Op struct {
	Kind byte // ' ', '-', '+'
	Text string
}

// UnifiedDiff prints a unified diff body of the ops with a header.
func UnifiedDiff(w io.Writer, from, to string, ops []Op) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "--- %s\n+++ %s\n", from, to)
	oldN, newN := 0, 0
	for _, op := range ops {
		if op.Kind != '+' {
			oldN++
		}
		if op.Kind != '-' {
			newN++
		}
	}
	fmt.Fprintf(bw, "@@ -1,%d +1,%d @@\n", oldN, newN)
	for _, op := range ops {
		bw.WriteByte(op.Kind)
		bw.WriteString(op.Text)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ColorDiff renders the ops with ANSI colours into a string.
func ColorDiff(ops []Op) string {
	var buf bytes.Buffer
	for _, op := range ops {
		switch op.Kind {
		case '+':
			fmt.Fprintf(&buf, "\x1b[32m+%s\x1b[0m\n", op.Text)
		case '-':
			fmt.Fprintf(&buf, "\x1b[31m-%s\x1b[0m\n", op.Text)
		default:
			fmt.Fprintf(&buf, " %s\n", op.Text)
		}
	}
	return buf.String()
}

// SideBySide writes the two texts in columns through a tabwriter straight to w.
func SideBySide(w io.Writer, left, right []string) error {
	tw := tabwriter.NewWriter(w, 0, 8, 3, ' ', 0)
	n := max(len(left), len(right))
	for i := 0; i < n; i++ {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		fmt.Fprintf(tw, "%s\t%s\n", l, r)
	}
	return tw.Flush()
}

// Progress keeps the last rendered status line so it can be erased.
type Progress struct {
	last *bytes.Buffer
}

// Render draws a status line and remembers it.
func (p *Progress) Render(w io.Writer, done, total int) {
	buf := new(bytes.Buffer)
	fmt.Fprintf(buf, "\r[%3d/%3d] %s", done, total, strings.Repeat("#", done*20/max(total, 1)))
	p.last = buf
	w.Write(buf.Bytes())
}

// Package receipt renders receipts and invoices as text.
package receipt

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"example.com/probes/mixed-commerce/limits"
)

// Line is a receipt line.
type Line struct {
	Name  string
	Qty   int
	Cents int64
}

// Receipt is a rendered purchase.
type Receipt struct {
	Store string
	No    int
	Lines []Line
	Tax   int64
}

const width = 40

func money(c int64) string {
	return strconv.FormatInt(c/100, 10) + "." + fmt.Sprintf("%02d", c%100)
}

// Text renders the receipt as fixed-width text into w.
func Text(w io.Writer, r Receipt) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%*s\n", (width+len(r.Store))/2, r.Store)
	fmt.Fprintf(&buf, "Receipt #%06d\n", r.No)
	var total int64
	for _, l := range r.Lines {
		sub := l.Cents * int64(l.Qty)
		total += sub
		fmt.Fprintf(&buf, "%-28s %2dx %8s\n", l.Name, l.Qty, money(sub))
	}
	io.WriteString(&buf, strings.Repeat("-", width)+"\n")
	fmt.Fprintf(&buf, "%-32s %7s\n", "TAX", money(r.Tax))
	fmt.Fprintf(&buf, "%-32s %7s\n", "TOTAL", money(total+r.Tax))
	_, err := w.Write(buf.Bytes())
	return err
}

// Rule is a separator line of the receipt's width.
func Rule(ch byte) string {
	b := make([]byte, width)
	for i := range b {
		b[i] = ch
	}
	return string(b)
}

// Padded pads a name to the name column, cutting it when too long.
func Padded(name string) string {
	const col = width - 12
	b := make([]byte, col)
	n := copy(b, name)
	for i := n; i < col; i++ {
		b[i] = ' '
	}
	return string(b)
}

// Invoice renders an invoice header: number, then a line per item, into one string.
func Invoice(no string, lines []Line) string {
	var b strings.Builder
	fmt.Fprint(&b, "INVOICE ", no, "\n")
	for i, l := range lines {
		if i == limits.MaxCartLines {
			fmt.Fprint(&b, "...\n")
			break
		}
		fmt.Fprintf(&b, "%3d %s\n", i+1, l.Name)
	}
	return b.String()
}

// Footer writes the footer lines, numbering each with strconv.AppendInt into a scratch line.
func Footer(w io.Writer, notes []string) error {
	scratch := make([]byte, 0, width+8)
	for i, n := range notes {
		scratch = scratch[:0]
		scratch = strconv.AppendInt(scratch, int64(i+1), 10)
		scratch = append(scratch, ". "...)
		scratch = append(scratch, n...)
		scratch = append(scratch, '\n')
		if _, err := w.Write(scratch); err != nil {
			return err
		}
	}
	return nil
}

// Columns lays a receipt's quantities into a fixed table of MaxCartLines*2+1 cells (qty, price, and a total).
func Columns(r Receipt) []int64 {
	cells := make([]int64, limits.MaxCartLines*2+1)
	var total int64
	for i, l := range r.Lines {
		if i >= limits.MaxCartLines {
			break
		}
		cells[2*i] = int64(l.Qty)
		cells[2*i+1] = l.Cents
		total += l.Cents * int64(l.Qty)
	}
	cells[len(cells)-1] = total
	var sum int64
	for _, c := range cells {
		sum += c
	}
	_ = sum
	return append([]int64(nil), cells[:2*min(len(r.Lines), limits.MaxCartLines)]...)
}

// Emailed renders the receipt for email; the template keeps the rendered text for resends.
type Emailed struct {
	body *bytes.Buffer
}

// Render renders into a buffer the Emailed keeps.
func (e *Emailed) Render(r Receipt) string {
	var buf bytes.Buffer
	Text(&buf, r)
	e.body = &buf
	return buf.String()
}

// Sum totals a receipt's lines, capped to a cart's worth of lines.
func Sum(r Receipt) int64 {
	n := len(r.Lines)
	if n > limits.MaxCartLines {
		n = limits.MaxCartLines
	}
	subs := make([]int64, n)
	for i := 0; i < n; i++ {
		subs[i] = r.Lines[i].Cents * int64(r.Lines[i].Qty)
	}
	var t int64
	for _, s := range subs {
		t += s
	}
	return t
}

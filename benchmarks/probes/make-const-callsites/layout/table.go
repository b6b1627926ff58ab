// Package layout lays out text tables: a table's exported methods check widths, its unexported
// methods fill cells.
package layout

import (
	"bytes"
	"errors"
	"io"
)

const (
	maxWidth = 40
	maxGap   = 6
)

var errWidth = errors.New("layout: column too wide")

// Table accumulates rows of fixed-width columns.
type Table struct {
	buf    bytes.Buffer
	widths []int
	gap    int
}

// NewTable returns a table of the given column widths, each at most maxWidth.
func NewTable(widths []int, gap int) (*Table, error) {
	for _, w := range widths {
		if w < 0 || w > maxWidth {
			return nil, errWidth
		}
	}
	if gap < 0 || gap > maxGap {
		return nil, errWidth
	}
	return &Table{widths: widths, gap: gap}, nil
}

// Row writes one row, each cell cut or padded to its column's width.
func (t *Table) Row(cells ...string) {
	for i, c := range cells {
		if i >= len(t.widths) {
			break
		}
		w := t.widths[i]
		if w > maxWidth {
			w = maxWidth
		}
		t.cell(c, w)
		if t.gap <= maxGap {
			t.space(t.gap)
		}
	}
	t.buf.WriteByte('\n')
}

// cell writes c into width bytes: every call bounds width by maxWidth.
func (t *Table) cell(c string, width int) {
	b := make([]byte, width)
	n := copy(b, c)
	for i := n; i < width; i++ {
		b[i] = ' '
	}
	t.buf.Write(b)
}

// space writes n spaces: every call bounds n by maxGap.
func (t *Table) space(n int) {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	t.buf.Write(b)
}

// WriteTo writes the table.
func (t *Table) WriteTo(w io.Writer) (int64, error) { return t.buf.WriteTo(w) }

// filler fills spans; the ruler below satisfies it, so a call through it may pass any n.
type filler interface {
	fill(n int) []byte
}

type ruler struct{ ch byte }

// fill returns n ruler characters: a method of filler, callable through any filler value.
func (r ruler) fill(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = r.ch
	}
	return append([]byte(nil), b...)
}

// Rule returns a rule of width n, at most maxWidth, directly.
func Rule(ch byte, n int) []byte {
	if n < 0 || n > maxWidth {
		return nil
	}
	return ruler{ch}.fill(n)
}

// Fill returns n bytes of whichever filler the kind names: through the interface, unbounded.
func Fill(kind string, n int) []byte {
	var f filler = ruler{'='}
	if kind == "dash" {
		f = ruler{'-'}
	}
	return f.fill(n)
}

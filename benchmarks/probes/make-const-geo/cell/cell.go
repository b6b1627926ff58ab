// Package cell handles ids of a hierarchical hexagonal grid, printed in hex like H3's.
package cell

import (
	"errors"
	"strconv"

	"example.com/probes/make-const-geo/limits"
)

// Cell is a 64-bit cell id: 4 bits of resolution, 7 of base cell, then 3 bits per digit.
type Cell uint64

const (
	digitBits = 3
	resShift  = 52
	baseShift = 45
	maxRing   = 3
	maxBatch  = 32
)

var (
	errCell = errors.New("cell: bad id")
	errRes  = errors.New("cell: resolution out of range")
	errRing = errors.New("cell: ring too wide")
	errMany = errors.New("cell: too many cells")
)

// Res returns a cell's resolution.
func (c Cell) Res() int { return int(c>>resShift) & 0xf }

// Digit returns the cell's i-th child digit (1-based).
func (c Cell) Digit(i int) int {
	return int(c>>(baseShift-digitBits*i)) & 7
}

// Parse reads a cell id from hex, upper or lower case.
func Parse(s string) (Cell, error) {
	if len(s) == 0 || len(s) > 16 {
		return 0, errCell
	}
	lower := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'F' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	v, err := strconv.ParseUint(string(lower), 16, 64)
	if err != nil {
		return 0, errCell
	}
	return Cell(v), nil
}

// Path returns "base/d1d2…" for logs and the tile debugger.
func Path(c Cell, res int) (string, error) {
	if res < 0 || res > limits.MaxResolution {
		return "", errRes
	}
	buf := make([]byte, 0, 4+res)
	buf = strconv.AppendInt(buf, int64(c>>baseShift)&0x7f, 10)
	buf = append(buf, '/')
	for i := 1; i <= res; i++ {
		buf = append(buf, byte('0'+c.Digit(i)))
	}
	return string(buf), nil
}

// Digits returns a cell's digits, which the caller keeps.
func Digits(c Cell) []byte {
	out := make([]byte, c.Res())
	for i := range out {
		out[i] = byte(c.Digit(i + 1))
	}
	return out
}

// RingSize counts the distinct ids k steps around a cell using a toy neighbour function.
func RingSize(c Cell, k int, step func(Cell, int) Cell) (int, error) {
	if k < 0 || k > maxRing {
		return 0, errRing
	}
	ids := make([]Cell, 0, 1+3*k*(k+1))
	ids = append(ids, c)
	for r := 1; r <= k; r++ {
		cur := c
		for i := 0; i < 6*r; i++ {
			cur = step(cur, i)
			ids = append(ids, cur)
		}
	}
	n := 0
	for i, id := range ids {
		dup := false
		for _, o := range ids[:i] {
			if o == id {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n, nil
}

// JoinHex writes a batch of ids comma-separated in hex for an API query string.
func JoinHex(cells []Cell) (string, error) {
	if len(cells) > maxBatch {
		return "", errMany
	}
	buf := make([]byte, 0, len(cells)*17)
	for i, c := range cells {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(c), 16)
	}
	return string(buf), nil
}

// Parents returns the ids of a cell's ancestors from resolution 0, which the caller keeps.
func Parents(c Cell) []Cell {
	out := make([]Cell, 0, c.Res())
	for r := 0; r < c.Res(); r++ {
		p := c&^(0xf<<resShift) | Cell(r)<<resShift
		for i := r + 1; i <= limits.MaxResolution; i++ {
			p |= 7 << (baseShift - digitBits*i)
		}
		out = append(out, p)
	}
	return out
}

// Compact counts how many of a batch's cells share each resolution and returns the
// most common one.
func Compact(cells []Cell) int {
	counts := make([]int, limits.MaxResolution+1)
	for _, c := range cells {
		counts[c.Res()]++
	}
	best := 0
	for r, n := range counts {
		if n > counts[best] {
			best = r
		}
	}
	return best
}

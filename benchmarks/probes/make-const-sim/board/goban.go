package board

import "errors"

var errBoard = errors.New("board: go boards are 9, 13 or 19")

// Goban is a go board of size×size points: 0 empty, 1 black, 2 white.
type Goban struct {
	size   int
	stones []int8
}

// NewGoban makes one of the standard boards.
func NewGoban(size int) (*Goban, error) {
	switch size {
	case 9, 13, 19:
	default:
		return nil, errBoard
	}
	return &Goban{size: size, stones: make([]int8, size*size)}, nil
}

func (g *Goban) Play(x, y int, c int8) { g.stones[y*g.size+x] = c }

func (g *Goban) group(pt int, seen []bool, out []int) []int {
	c := g.stones[pt]
	out = append(out, pt)
	seen[pt] = true
	for k := 0; k < len(out); k++ {
		p := out[k]
		x, y := p%g.size, p/g.size
		for _, q := range [4]int{p - 1, p + 1, p - g.size, p + g.size} {
			if q < 0 || q >= len(g.stones) || seen[q] || g.stones[q] != c {
				continue
			}
			if (q == p-1 && x == 0) || (q == p+1 && x == g.size-1) {
				continue
			}
			_ = y
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// Liberties counts the empty points next to the group at pt.
func (g *Goban) Liberties(pt int) int {
	seen := make([]bool, g.size*g.size)
	grp := g.group(pt, seen, nil)
	libs := 0
	for _, p := range grp {
		for _, q := range [4]int{p - 1, p + 1, p - g.size, p + g.size} {
			if q >= 0 && q < len(g.stones) && !seen[q] && g.stones[q] == 0 {
				seen[q] = true
				libs++
			}
		}
	}
	return libs
}

// Captured sizes the group at pt with a scratch list as long as the board.
func (g *Goban) Captured(pt int) int {
	seen := make([]bool, len(g.stones))
	list := make([]int, 0, len(g.stones))
	return len(g.group(pt, seen, list))
}

// RowKey hashes one row for the ko table (value receiver: a copy of the header).
func (g Goban) RowKey(y int) uint64 {
	row := make([]byte, g.size)
	for x := range row {
		row[x] = byte(g.stones[y*g.size+x])
	}
	var h uint64 = 14695981039346656037
	for _, b := range row {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h
}

// Territory counts empty points surrounded by one colour only along rows.
func (g *Goban) Territory(c int8) int {
	owner := make([]int8, len(g.stones))
	n := 0
	for i, s := range g.stones {
		if s != 0 {
			owner[i] = s
			continue
		}
		if i > 0 && owner[i-1] == c {
			owner[i] = c
			n++
		}
	}
	return n
}

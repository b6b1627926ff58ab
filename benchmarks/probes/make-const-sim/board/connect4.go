package board

import "errors"

const (
	Cols = 7
	Rows = 6
)

var errMoves = errors.New("board: bad move list")

// C4 is a connect-four position.
type C4 struct {
	cells   [Cols * Rows]int8
	heights [Cols]int
}

// Drop plays column col for c.
func (b *C4) Drop(col int, c int8) bool {
	if b.heights[col] == Rows {
		return false
	}
	b.cells[b.heights[col]*Cols+col] = c
	b.heights[col]++
	return true
}

// ValidMoves lists open columns: kept by the caller.
func (b *C4) ValidMoves() []int {
	out := make([]int, 0, Cols)
	for c, h := range b.heights {
		if h < Rows {
			out = append(out, c)
		}
	}
	return out
}

// Replay parses a move string like "4453" and returns the final height sum.
func Replay(s string) (int, error) {
	if len(s) > Cols*Rows {
		return 0, errMoves
	}
	moves := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '1' || s[i] > '0'+Cols {
			return 0, errMoves
		}
		moves[i] = int(s[i] - '1')
	}
	var b C4
	for i, m := range moves {
		if !b.Drop(m, int8(1+i%2)) {
			return 0, errMoves
		}
	}
	sum := 0
	for _, h := range b.heights {
		sum += h
	}
	return sum, nil
}

// Column reads the top n discs of a column, n clamped to the board.
func (b *C4) Column(col, n int) int {
	n = min(n, Rows)
	disc := make([]int8, n)
	for r := 0; r < n; r++ {
		disc[r] = b.cells[r*Cols+col]
	}
	v := 0
	for _, d := range disc {
		v = v*3 + int(d)
	}
	return v
}

// Order sorts the columns for search by centre distance.
func (b *C4) Order() int {
	order := make([]int, 0, len(b.heights))
	for c := range b.heights {
		order = append(order, c)
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && iabs(order[j]-Cols/2) < iabs(order[j-1]-Cols/2); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	return order[0]
}

func iabs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Windows scores every window of four for one player; windows come from the caller.
func (b *C4) Windows(lines [][4]int, c int8) int {
	vals := make([]int, len(lines))
	for i, l := range lines {
		for _, p := range l {
			if b.cells[p] == c {
				vals[i]++
			}
		}
	}
	s := 0
	for _, v := range vals {
		s += v * v
	}
	return s
}

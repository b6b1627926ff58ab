// Package board solves sudoku puzzles by backtracking over the empty cells.
package board

// N is the side of the board.
const N = 9

// Board holds digits 1 to 9, 0 for an empty cell.
type Board [N][N]uint8

// Solved fills the board in place and reports whether it has a solution.
func (b *Board) Solved() bool {
	empty := 0
	for r := 0; r < N; r++ {
		for c := 0; c < N; c++ {
			if b[r][c] == 0 {
				empty++
			}
		}
	}
	cells := make([]int, 0, empty) // want(<go1.25) "make\\(\\[\\]int, 0, empty\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, 0, empty\\) does not escape"
	for i := 0; i < N*N; i++ {
		if b[i/N][i%N] == 0 {
			cells = append(cells, i)
		}
	}
	return b.fill(cells)
}

func (b *Board) fill(cells []int) bool {
	if len(cells) == 0 {
		return true
	}
	r, c := cells[0]/N, cells[0]%N
	for d := uint8(1); d <= N; d++ {
		if b.allowed(r, c, d) {
			b[r][c] = d
			if b.fill(cells[1:]) {
				return true
			}
			b[r][c] = 0
		}
	}
	return false
}

func (b *Board) allowed(r, c int, d uint8) bool {
	br, bc := r/3*3, c/3*3
	for i := 0; i < N; i++ {
		if b[r][i] == d || b[i][c] == d || b[br+i/3][bc+i%3] == d {
			return false
		}
	}
	return true
}

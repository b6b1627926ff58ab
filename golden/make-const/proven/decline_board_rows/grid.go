// Package grid lists the empty cells of a board of any size: its rows are a slice, so nothing bounds the count.
package grid

// Empties returns how many cells of the board are empty, collected into a scratch list first.
func Empties(rows [][]uint8) int {
	empty := 0
	for r := range rows {
		for c := range rows[r] {
			if rows[r][c] == 0 {
				empty++
			}
		}
	}
	cells := make([]int, 0, empty) // want(<go1.25) "make\\(\\[\\]int, 0, empty\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, 0, empty\\) does not escape" // declined "speculative"
	for r, row := range rows {
		for c, v := range row {
			if v == 0 {
				cells = append(cells, r*len(row)+c)
			}
		}
	}
	return len(cells)
}

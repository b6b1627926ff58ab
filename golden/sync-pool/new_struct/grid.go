// Package grid counts neighbours on a fixed board.
package grid

// Board is 160 KiB: above the compiler's 64 KiB limit for an implicit stack variable.
type Board struct {
	cells [400][400]byte
	live  int
}

// Live marks the points on a fresh board and counts the distinct ones.
func Live(points [][2]int) int {
	b := new(Board) // want "new\\(Board\\) escapes to heap"
	for _, p := range points {
		if b.cells[p[0]][p[1]] == 0 {
			b.cells[p[0]][p[1]] = 1
			b.live++
		}
	}
	return b.live
}

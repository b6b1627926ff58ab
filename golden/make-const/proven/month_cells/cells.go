// Package cells marks the busy days of a billing calendar laid out as a grid of six weeks.
package cells

// Layout is how many days a grid row holds.
type Layout uint8

const (
	Week Layout = iota
	Fortnight
	ThreeWeeks
)

// columns is a row's width in days.
func columns(l Layout) int {
	switch l {
	case Fortnight:
		return 14
	case ThreeWeeks:
		return 21
	}
	return 7
}

// Busy counts the grid cells the busy day offsets mark, or -1 when there are more offsets than cells.
func Busy(l Layout, busy []int) int {
	switch n := columns(l) * 6; {
	case len(busy) > n:
		return -1
	default:
		cells := make([]bool, n) // want(<go1.25) "make\\(\\[\\]bool, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]bool, n\\) does not escape"
		for _, d := range busy {
			if d >= 0 && d < n {
				cells[d] = true
			}
		}
		marked := 0
		for _, b := range cells {
			if b {
				marked++
			}
		}
		return marked
	}
}

// Package display measures user names for a fixed-width terminal column.
package display

// maxName is the longest user name, in bytes, the service stores.
const maxName = 48

// Columns returns how many terminal columns the name takes, counting each rune of the East Asian ranges as two,
// and the column each rune starts at summed, or -1 for a name too long to store.
func Columns(name string) (int, int) {
	if len(name) > maxName {
		return -1, -1
	}
	runes := []rune(name)
	starts := make([]int, len(runes)) // want(<go1.25) "make\\(\\[\\]int, len\\(runes\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(runes\\)\\) does not escape"
	col := 0
	for i, r := range runes {
		starts[i] = col
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3)) {
			col += 2
		} else {
			col++
		}
	}
	sum := 0
	for _, s := range starts {
		sum += s
	}
	return col, sum
}

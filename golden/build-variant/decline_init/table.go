package decline_init

var defaults = []string{"id", "name", "size"}

var total int

func init() {
	width := len(defaults)
	if width > 4 {
		return
	}
	row := make([]int, width) // want(<go1.25) "make\\(\\[\\]int, width\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, width\\) does not escape" // declined "changes the order init functions run in"
	for i := range row {
		row[i] = i
		total += row[i]
	}
}

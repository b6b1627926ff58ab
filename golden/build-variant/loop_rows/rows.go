// Package loop_rows sums triangular blocks of a matrix row.
package loop_rows

const maxRows = 8

// Triangle sums, for each row length up to maxRows, a copy of that many leading values.
func Triangle(values []int32) int32 {
	var total int32
	for n := 1; n <= maxRows; n++ {
		row := make([]int32, n) // want(<go1.25) "make\\(\\[\\]int32, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int32, n\\) does not escape"
		copy(row, values)
		for _, v := range row {
			total += v
		}
	}
	return total
}

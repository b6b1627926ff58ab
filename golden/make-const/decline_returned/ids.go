// Package ids allocates ranges of sequential IDs.
package ids

// Range returns n IDs starting at first: the slice leaves the function, so its buffer must be
// on the heap whatever its size.
func Range(first, n int) []int {
	out := make([]int, n) // want "make\\(\\[\\]int, n\\) escapes to heap" // declined "the slice escapes whatever its size"
	for i := range out {
		out[i] = first + i
	}
	return out
}

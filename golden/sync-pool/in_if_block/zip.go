// Package zip only needs its window on the slow path.
package zip

// Repeats counts bytes equal to the one before, on a copy of the data when asked.
func Repeats(data []byte, copied bool) int {
	if copied {
		window := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
		window = append(window, data...)
		data = nil
		n := 0
		for i := 1; i < len(window); i++ {
			if window[i] == window[i-1] {
				n++
			}
		}
		return n
	}
	n := 0
	for i := 1; i < len(data); i++ {
		if data[i] == data[i-1] {
			n++
		}
	}
	return n
}

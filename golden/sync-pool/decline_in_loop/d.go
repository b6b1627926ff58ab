// Package inloop allocates its buffer once per iteration.
package inloop

// Lines would defer one Put per iteration: every buffer held until the function returns.
func Lines(groups [][]string) int {
	n := 0
	for _, g := range groups {
		buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "inside a loop"
		for _, p := range g {
			buf = append(buf, p...)
		}
		n += len(buf)
	}
	return n
}

// Package inloop allocates its buffer once per iteration.
package inloop

// Lines keeps the longest group's buffer past its iteration: pooled once before the loop, the next
// iteration would write over what longest holds.
func Lines(groups [][]string) (int, string) {
	n := 0
	var longest []byte
	for _, g := range groups {
		buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "buf is assigned to longest, declared outside the loop's body"
		for _, p := range g {
			buf = append(buf, p...)
		}
		n += len(buf)
		if len(buf) > len(longest) {
			longest = buf
		}
	}
	return n, string(longest)
}

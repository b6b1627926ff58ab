// Package logs joins log lines.
package logs

// Width is the length of the lines joined with spaces.
func Width(lines []string) int {
	out := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for i, l := range lines {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, l...)
	}
	return len(out)
}

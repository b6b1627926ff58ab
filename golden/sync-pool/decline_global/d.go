// Package global keeps its buffer in a package-level variable.
package global

var lastFrame []byte

// Frame remembers the buffer in a global.
func Frame(parts []string) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "stored in the package-level lastFrame"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	lastFrame = buf
	return len(buf)
}

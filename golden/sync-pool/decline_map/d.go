// Package mapstore keeps its buffers in a map.
package mapstore

// Index stores the buffer in the map it was given.
func Index(m map[string][]byte, key string, parts []string) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "stored in the map m"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	m[key] = buf
	return len(buf)
}

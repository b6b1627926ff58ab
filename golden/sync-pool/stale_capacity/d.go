// Package stalecapacity reads its buffer past the length make gave it.
package stalecapacity

// Peek reads the zero make put just past the length: a pooled buffer would hold the last call's
// bytes there, so the rewrite clears the whole capacity after Get.
func Peek(parts []string) byte {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	return buf[:cap(buf)][len(buf)]
}

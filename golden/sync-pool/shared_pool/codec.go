// Package codec has two functions with the same scratch buffer: one pool serves both.
package codec

// Encode reports how long the encoding of words is.
func Encode(words []string) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, w := range words {
		buf = append(buf, byte(len(w)))
		buf = append(buf, w...)
	}
	return len(buf)
}

// Decode reports how many words an encoding holds.
func Decode(data []byte) int {
	scratch := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	n := 0
	for i := 0; i < len(data); i += int(data[i]) + 1 {
		scratch = append(scratch[:0], data[i+1:i+1+int(data[i])]...)
		n++
	}
	return n
}

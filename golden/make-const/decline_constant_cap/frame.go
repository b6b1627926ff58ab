// Package frame checksums protocol frames.
package frame

// maxFrame is the largest frame the protocol sends.
const maxFrame = 96

// Checksum copies the first n bytes of a frame into a scratch buffer with a constant capacity:
// the compiler sizes the array by the capacity alone, so it is on the stack already and the
// rule has nothing to do.
func Checksum(frame []byte, n int) uint16 {
	scratch := make([]byte, n, maxFrame) // declined: not recognised (the capacity is a constant: a stack array on every release)
	copy(scratch, frame)
	var sum uint16
	for _, b := range scratch {
		sum += uint16(b)
	}
	return sum
}

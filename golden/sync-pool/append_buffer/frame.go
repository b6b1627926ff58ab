// Package frame encodes records into one length-prefixed frame and checksums it.
package frame

// Checksum joins the records, each after its length byte, and returns the frame's sum: the 1 MiB
// scratch buffer is too large for the stack, so every call allocated it on the heap.
func Checksum(records []string) uint32 {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, r := range records {
		buf = append(buf, byte(len(r)))
		buf = append(buf, r...)
	}
	var sum uint32
	for _, b := range buf {
		sum = sum*31 + uint32(b)
	}
	return sum
}

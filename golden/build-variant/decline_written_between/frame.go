// Package decline_written_between sums frames with a header.
package decline_written_between

const maxPayload = 20

// Sum sums the n-byte payload with its header of hdr bytes: the guard bounds the payload, and
// nothing bounds the header.
func Sum(data []byte, n, hdr int) int {
	if n > maxPayload {
		return -1
	}
	n += hdr
	frame := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape" // declined: not recognised (no bound holds at the make: make-const's speculative site, in place)
	copy(frame, data)
	total := 0
	for _, b := range frame {
		total += int(b)
	}
	return total
}

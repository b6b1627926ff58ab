// Package frame sums frames that carry a header before their payload.
package frame

const (
	maxPayload = 48
	header     = 4
)

// Sum sums a frame of n payload bytes plus its header and extra trailer bytes: the guard bounds
// the payload, and nothing bounds the trailer.
func Sum(data []byte, n, extra int) int {
	if n > maxPayload {
		return -1
	}
	n += header + extra
	buf := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape" // declined "speculative"
	copy(buf, data)
	total := 0
	for _, b := range buf {
		total += int(b)
	}
	return total
}

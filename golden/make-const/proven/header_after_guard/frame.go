// Package frame sums frames that carry a fixed header before their payload.
package frame

const (
	maxPayload = 48
	header     = 4
)

// Sum sums a frame of n payload bytes plus its header: the guard bounds the payload, and the
// header adds a constant, so the frame is at most maxPayload+header bytes.
func Sum(data []byte, n int) int {
	if n > maxPayload || n < 0 {
		return -1
	}
	n += header
	buf := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	copy(buf, data)
	total := 0
	for _, b := range buf {
		total += int(b)
	}
	return total
}

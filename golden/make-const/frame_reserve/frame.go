// Package frame checksums length-prefixed frames.
package frame

// Checksum copies payload behind a 4-byte length prefix, with room reserved for a trailer of
// zero bytes, and returns the frame's FNV-1a hash.
func Checksum(payload []byte, trailer int) uint32 {
	n := len(payload) + 4
	frame := make([]byte, n, n+trailer) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	frame[0], frame[1], frame[2], frame[3] = byte(n>>24), byte(n>>16), byte(n>>8), byte(n)
	copy(frame[4:], payload)
	for range trailer {
		frame = append(frame, 0)
	}
	h := uint32(2166136261)
	for _, b := range frame {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}

// Package lanes folds records into checksums of a configurable width.
package lanes

// Kind is a checksum layout.
type Kind uint8

const (
	Short Kind = iota // 8 lanes
	Wide              // 32 lanes
	Full              // 64 lanes
)

// Width is how many one-byte lanes a checksum of the kind has.
func Width(k Kind) int {
	switch k {
	case Short:
		return 8
	case Wide:
		return 32
	}
	return 64
}

// Sum spreads the record over the kind's lanes, byte by byte, and folds the lanes into one
// word. The lanes are sized by Width, every return of which is a constant: at most 64.
func Sum(k Kind, record []byte) uint64 {
	n := Width(k)
	lanes := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i, b := range record {
		lanes[i%n] = lanes[i%n]*31 + b
	}
	var h uint64
	for _, b := range lanes {
		h = h<<5 ^ h>>59 ^ uint64(b)
	}
	return h
}

//go:build linux || darwin

package existing_constraint

// Flags packs up to 16 booleans, one byte each.
func Flags(on []bool, n int) []byte {
	if n > 16 {
		return nil
	}
	packed := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	for i := range packed {
		if on[i] {
			packed[i] = 1
		}
	}
	return append([]byte(nil), packed...)
}

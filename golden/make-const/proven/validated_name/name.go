// Package name encodes length-prefixed user names for a wire protocol.
package name

import "fmt"

// maxName is the longest user name the protocol carries.
const maxName = 64

// checkName refuses an empty name or one longer than maxName.
func checkName(s string) error {
	if s == "" {
		return fmt.Errorf("name: empty")
	}
	if len(s) > maxName {
		return fmt.Errorf("name: %d bytes, at most %d", len(s), maxName)
	}
	return nil
}

// Digest returns the FNV-1a hash of the name's wire form: a length byte, then the name.
func Digest(s string) (uint32, error) {
	if err := checkName(s); err != nil {
		return 0, err
	}
	wire := make([]byte, 1+len(s)) // want(<go1.25) "make\\(\\[\\]byte, 1 \\+ len\\(s\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 1 \\+ len\\(s\\)\\) does not escape"
	wire[0] = byte(len(s))
	copy(wire[1:], s)
	h := uint32(2166136261)
	for _, c := range wire {
		h = (h ^ uint32(c)) * 16777619
	}
	return h, nil
}

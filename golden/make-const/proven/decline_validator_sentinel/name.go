// Package name encodes length-prefixed user names for a wire protocol.
package name

import "errors"

const maxName = 64

var errName = errors.New("name: empty or too long")

// Lenient turns the name check off: errName becomes nil, so checkName returns nil for a name of any
// length, and its check bounds nothing.
func Lenient() { errName = nil }

func checkName(s string) error {
	if s == "" || len(s) > maxName {
		return errName
	}
	return nil
}

// Digest returns the FNV-1a hash of the name's wire form: a length byte, then the name.
func Digest(s string) (uint32, error) {
	if err := checkName(s); err != nil {
		return 0, err
	}
	wire := make([]byte, 1+len(s)) // want(<go1.25) "make\\(\\[\\]byte, 1 \\+ len\\(s\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 1 \\+ len\\(s\\)\\) does not escape" // declined "speculative"
	wire[0] = byte(len(s))
	copy(wire[1:], s)
	h := uint32(2166136261)
	for _, c := range wire {
		h = (h ^ uint32(c)) * 16777619
	}
	return h, nil
}

// Package name encodes length-prefixed user names for a wire protocol.
package name

import "fmt"

const maxName = 32

// Hasher hashes a user name; the wire form's is the default.
type Hasher interface {
	Hash(s string) (uint32, error)
}

type wireHasher struct{}

func (wireHasher) Hash(s string) (uint32, error) { return Digest(s) }

// reserved holds the hashes of the names no user may take, computed while the package initializes. It
// reaches checkName only through the Hasher interface, which Go's initialization order does not follow:
// it runs before errName below is set, checkName returns nil for the 45-byte name, and an array of
// maxName bytes for the wire form would panic here.
var reserved = hashAll(wireHasher{}, "root", "admin", "administrator-of-the-default-realm-and-console")

func hashAll(h Hasher, names ...string) map[uint32]bool {
	found := map[uint32]bool{}
	for _, s := range names {
		if sum, err := h.Hash(s); err == nil {
			found[sum] = true
		}
	}
	return found
}

var errName = fmt.Errorf("name: empty or longer than %d bytes", maxName)

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

// Reserved reports whether no user may take the name.
func Reserved(s string) bool {
	sum, err := Digest(s)
	return err == nil && reserved[sum]
}

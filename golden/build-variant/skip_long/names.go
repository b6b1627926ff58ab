// Package skip_long hashes short names.
package skip_long

const maxName = 16

// Hash hashes each name of at most maxName bytes through a reversed copy, skipping longer ones.
func Hash(names []string) uint32 {
	var h uint32
	for _, name := range names {
		if len(name) > maxName {
			continue
		}
		rev := make([]byte, len(name)) // want(<go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) does not escape"
		for i := range rev {
			rev[i] = name[len(name)-1-i]
		}
		for _, c := range rev {
			h = h*31 + uint32(c)
		}
	}
	return h
}

// Package sign computes the digest of a request's signed headers, in canonical (sorted) order.
package sign

import (
	"errors"
	"hash/fnv"
	"sort"
)

// maxSigned is how many headers a signature may cover.
const maxSigned = 16

var errTooMany = errors.New("sign: too many signed headers")

// Digest hashes the signed headers, name and value, in sorted name order. The names are sorted in a
// scratch slice whose capacity is the map's length, at most maxSigned after the guard.
func Digest(signed map[string]string) (uint64, error) {
	if len(signed) > maxSigned {
		return 0, errTooMany
	}
	names := make([]string, 0, len(signed)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for name := range signed {
		names = append(names, name)
	}
	sort.Strings(names)
	h := fnv.New64a()
	for _, name := range names {
		h.Write([]byte(name))
		h.Write([]byte{':'})
		h.Write([]byte(signed[name]))
		h.Write([]byte{'\n'})
	}
	return h.Sum64(), nil
}

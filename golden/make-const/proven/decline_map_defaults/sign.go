// Package defaults hashes a request's signed headers after adding the headers every request signs.
package defaults

import (
	"errors"
	"sort"
	"strings"
)

const maxSigned = 16

var errTooMany = errors.New("defaults: too many signed headers")

// addDefaults signs the date and host headers too: it inserts into the caller's map.
func addDefaults(signed map[string]string) {
	signed["x-date"] = "20261204"
	signed["host"] = "example.com"
}

// Names returns the signed names, sorted and joined. The guard bounds the caller's headers, but
// addDefaults inserts two more after it, through the same map: the length is not at most maxSigned.
func Names(signed map[string]string) (string, error) {
	if len(signed) > maxSigned {
		return "", errTooMany
	}
	addDefaults(signed)
	names := make([]string, 0, len(signed)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
	for name := range signed {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ";"), nil
}

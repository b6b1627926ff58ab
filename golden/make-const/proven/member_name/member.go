// Package member reads the members of an ar-style archive, whose fixed-width text header gives the
// length of the member's name in a 3-byte decimal field, read by a local helper as xcoff's NewArchive does.
package member

import (
	"errors"
	"strconv"
	"strings"
)

var errShort = errors.New("member: short record")

// headerLen is the fixed header: a 3-byte name length, then the name.
const headerLen = 3

// Name returns the member's name, folded to lower case, from a record `NNNname…`.
func Name(rec []byte) (string, error) {
	if len(rec) < headerLen {
		return "", errShort
	}
	parseField := func(b []byte) (int, error) {
		return strconv.Atoi(strings.TrimSpace(string(b)))
	}
	n, err := parseField(rec[:headerLen])
	if err != nil {
		return "", err
	}
	name := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	if copy(name, rec[headerLen:]) < n {
		return "", errShort
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			name[i] = c + 'a' - 'A'
		}
	}
	return string(name), nil
}

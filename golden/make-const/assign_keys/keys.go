// Package keys renders configuration maps deterministically.
package keys

import (
	"sort"
	"strings"
)

// Render prints key=value pairs sorted by key, or "-" for an empty map.
func Render(m map[string]string) string {
	var keys []string
	if len(m) == 0 {
		return "-"
	}
	keys = make([]string, 0, len(m)) // want(<go1.25) "make\\(\\[\\]string, 0, len\\(m\\)\\) escapes to heap" want(>=go1.25) "does not escape"
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k + "=" + m[k])
	}
	return b.String()
}

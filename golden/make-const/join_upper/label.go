// Package label builds metric label strings.
package label

import "strings"

// Join upper-cases each part and joins them with sep.
func Join(parts []string, sep string) string {
	out := make([]string, 0, len(parts)) // want(<go1.25) "make\\(\\[\\]string, 0, len\\(parts\\)\\) escapes to heap" want(>=go1.25) "does not escape"
	for _, p := range parts {
		out = append(out, strings.ToUpper(p))
	}
	return strings.Join(out, sep)
}

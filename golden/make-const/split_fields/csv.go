// Package csv counts non-empty fields in comma-separated lines.
package csv

import "strings"

// NonEmpty reports how many fields of line are not blank.
func NonEmpty(line string) int {
	fields := make([]string, 0, strings.Count(line, ",")+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for _, f := range strings.Split(line, ",") {
		if strings.TrimSpace(f) != "" {
			fields = append(fields, f)
		}
	}
	return len(fields)
}

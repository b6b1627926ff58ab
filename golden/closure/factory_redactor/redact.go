// Package redact masks sensitive key=value pairs in log lines.
package redact

import "strings"

// redactor returns a function that replaces the value of every key=value
// field whose key is in keys (case-insensitive) with "***".
func redactor(keys []string) func(line string) string {
	secret := make(map[string]bool, len(keys)) // want "make\\(map\\[string\\]bool, len\\(keys\\)\\) escapes to heap"
	for _, k := range keys {
		secret[strings.ToLower(k)] = true
	}
	return func(line string) string { // want "func literal escapes to heap"
		// keep: comment inside the redactor
		fields := strings.Fields(line)
		for i, f := range fields {
			k, _, ok := strings.Cut(f, "=")
			if ok && secret[strings.ToLower(k)] {
				fields[i] = k + "=***"
			}
		}
		return strings.Join(fields, " ")
	}
}

var defaultKeys = []string{"password", "token", "api_key", "authorization"}

// Line redacts one log line with the default key set.
func Line(line string) string {
	return redactor(defaultKeys)(line)
}

// Lines redacts each line with a caller-supplied key set.
func Lines(lines []string, keys []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, redactor(keys)(l))
	}
	return out
}

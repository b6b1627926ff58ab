// Package escape quotes log field values, escaping what would break a line-oriented log.
package escape

import "strings"

// maxValue is the longest field value a log line carries unabridged.
const maxValue = 96

// appendEscaped appends s to dst with newlines, tabs, quotes and backslashes escaped.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\t':
			dst = append(dst, '\\', 't')
		case '"', '\\':
			dst = append(dst, '\\', c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// Value returns s escaped for a log line, or "" and false for a value too long to log whole. The
// buffer is only appended to and copied into the string: the make is an argument, which the rule
// rewrites in place where the code bounds its size (here 2*96 bytes, every byte escaped).
func Value(s string) (string, bool) {
	if len(s) > maxValue {
		return "", false
	}
	if strings.IndexAny(s, "\n\t\"\\") < 0 {
		return s, true // nothing to escape: the value itself
	}
	return string(appendEscaped(make([]byte, 0, 2*len(s)), s)), true // want(<go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(s\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(s\\)\\) does not escape"
}

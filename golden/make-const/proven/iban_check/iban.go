// Package iban validates international bank account numbers.
package iban

// maxLen is the longest IBAN any country issues.
const maxLen = 34

// Valid reports whether s, without spaces, is an IBAN whose check digits hold: the first four characters
// moved to the end, each letter spelled as two digits (A = 10), the number is 1 modulo 97.
func Valid(s string) bool {
	if len(s) < 5 || len(s) > maxLen {
		return false
	}
	rotated := make([]byte, 0, maxLen)
	rotated = append(rotated, s[4:]...)
	rotated = append(rotated, s[:4]...)
	digits := make([]byte, 0, 2*len(rotated)) // want(<go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(rotated\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(rotated\\)\\) does not escape"
	for _, c := range rotated {
		switch {
		case 'A' <= c && c <= 'Z':
			v := c - 'A' + 10
			digits = append(digits, '0'+v/10, '0'+v%10)
		case '0' <= c && c <= '9':
			digits = append(digits, c)
		default:
			return false
		}
	}
	r := 0
	for _, d := range digits {
		r = (r*10 + int(d-'0')) % 97
	}
	return r == 1
}

// Package groups checks IBANs written in groups of four separated by spaces, of any number of groups.
package groups

// maxGroup is the length of one group.
const maxGroup = 4

// Valid reports whether the grouped IBAN's check digits hold: its groups are appended one by one in a loop,
// and nothing bounds how many there are.
func Valid(groups []string) bool {
	var joined []byte
	for _, g := range groups {
		if len(g) > maxGroup {
			return false
		}
		joined = append(joined, g...)
	}
	if len(joined) < 5 {
		return false
	}
	digits := make([]byte, 0, 2*len(joined)) // want(<go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(joined\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 2 \\* len\\(joined\\)\\) does not escape" // declined "speculative"
	for _, c := range append(joined[4:], joined[:4]...) {
		if 'A' <= c && c <= 'Z' {
			v := c - 'A' + 10
			digits = append(digits, '0'+v/10, '0'+v%10)
		} else {
			digits = append(digits, c)
		}
	}
	r := 0
	for _, d := range digits {
		r = (r*10 + int(d-'0')) % 97
	}
	return r == 1
}

// Package reference checks ISO 11649 creditor references ("RF18 5390 0754 7034").
package reference

// maxBody is the longest reference body: 25 characters less "RF" and the two check digits.
const maxBody = 21

// value is the digit value of an alphanumeric character (A = 10), or -1.
func value(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// spelledLen is how many decimal digits body spells for the check: a letter takes two.
func spelledLen(body string) int {
	n := 0
	for i := 0; i < len(body); i++ {
		if value(body[i]) >= 10 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// CheckDigits returns the two check digits of a reference body, or -1 for a body that cannot carry them.
func CheckDigits(body string) int {
	if len(body) == 0 || len(body) > maxBody {
		return -1
	}
	digits := make([]byte, 0, spelledLen(body)+6) // want(<go1.25) "make\\(\\[\\]byte, 0, \\(~r0\\) \\+ 6\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, \\(~r0\\) \\+ 6\\) does not escape"
	for i := 0; i < len(body); i++ {
		v := value(body[i])
		if v < 0 {
			return -1
		}
		if v >= 10 {
			digits = append(digits, byte('0'+v/10))
		}
		digits = append(digits, byte('0'+v%10))
	}
	digits = append(digits, '2', '7', '1', '5', '0', '0') // "RF00"
	rem := 0
	for _, d := range digits {
		rem = (rem*10 + int(d-'0')) % 97
	}
	return 98 - rem
}

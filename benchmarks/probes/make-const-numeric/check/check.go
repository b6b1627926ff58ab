// Package check validates identifiers by their check digits.
package check

import (
	"errors"
	"strings"

	"example.com/numfin/limits"
)

var (
	errLength = errors.New("check: bad length")
	errDigit  = errors.New("check: not a digit")
)

// Luhn reports whether number (digits only) passes the Luhn checksum.
func Luhn(number string) bool {
	if len(number) == 0 || len(number) > limits.MaxPAN {
		return false
	}
	digits := make([]int, len(number))
	for i := 0; i < len(number); i++ {
		c := number[i]
		if c < '0' || c > '9' {
			return false
		}
		digits[i] = int(c - '0')
	}
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := digits[i]
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// IBAN reports whether s (no spaces) is a valid IBAN by the mod-97 rule.
func IBAN(s string) bool {
	if len(s) < 15 || len(s) > limits.MaxIBAN {
		return false
	}
	rotated := make([]byte, 0, len(s))
	rotated = append(rotated, s[4:]...)
	rotated = append(rotated, s[:4]...)
	expanded := make([]byte, 0, 2*len(s))
	for _, c := range rotated {
		switch {
		case c >= '0' && c <= '9':
			expanded = append(expanded, c)
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			expanded = append(expanded, byte('0'+v/10), byte('0'+v%10))
		default:
			return false
		}
	}
	rem := 0
	for _, c := range expanded {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return rem == 1
}

// ISBN10 reports whether s, with optional hyphens, is a valid ISBN-10.
func ISBN10(s string) bool {
	if len(s) > 13 {
		return false
	}
	digits := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			digits = append(digits, s[i])
		}
	}
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i, c := range digits {
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c == 'X' && i == 9:
			v = 10
		default:
			return false
		}
		sum += (10 - i) * v
	}
	return sum%11 == 0
}

// EAN computes the check digit of an EAN-8 or EAN-13 body (7 or 12 digits).
func EAN(body string) (byte, error) {
	switch len(body) {
	case 7, 12:
	default:
		return 0, errLength
	}
	weights := make([]int, len(body))
	for i := range weights {
		// weights alternate 3,1 from the right
		if (len(body)-i)%2 == 1 {
			weights[i] = 3
		} else {
			weights[i] = 1
		}
	}
	sum := 0
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c < '0' || c > '9' {
			return 0, errDigit
		}
		sum += int(c-'0') * weights[i]
	}
	return byte('0' + (10-sum%10)%10), nil
}

// Normalize upper-cases an identifier and drops spaces, for display.
func Normalize(id string) string {
	id = strings.TrimSpace(id)
	b := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == ' ' {
			continue
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// Verhoeff-style batch: one flag per code, returned to the caller.
func Batch(codes []string) []bool {
	ok := make([]bool, len(codes))
	for i, c := range codes {
		ok[i] = Luhn(c)
	}
	return ok
}

// GroupIBAN prints an IBAN in groups of four for paper forms.
func GroupIBAN(s string) string {
	if len(s) > limits.MaxIBAN {
		s = s[:limits.MaxIBAN]
	}
	out := make([]byte, 0, len(s)+len(s)/4)
	for i := 0; i < len(s); i++ {
		if i > 0 && i%4 == 0 {
			out = append(out, ' ')
		}
		out = append(out, s[i])
	}
	return string(out)
}

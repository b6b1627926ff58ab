// Package bankref validates and formats the bank references a payment carries: IBANs, BICs and SEPA ids.
package bankref

import (
	"errors"
	"fmt"
	"strings"
)

// MaxIBAN is the longest IBAN any country issues.
const MaxIBAN = 34

var errIBAN = errors.New("bankref: malformed IBAN")

// countryLen is the IBAN length of the countries the bank clears for, or 0.
func countryLen(cc string) int {
	switch cc {
	case "NO":
		return 15
	case "BE":
		return 16
	case "NL":
		return 18
	case "DE", "GB", "IE":
		return 22
	case "FR", "IT", "MC":
		return 27
	case "MT":
		return 31
	case "LC":
		return 32
	}
	return 0
}

// checkIBAN reports what is wrong with a compact IBAN, or nil.
func checkIBAN(s string) error {
	if len(s) < 4 {
		return fmt.Errorf("bankref: IBAN %q too short", s)
	}
	want := countryLen(s[:2])
	if want == 0 {
		return fmt.Errorf("bankref: country %q not cleared", s[:2])
	}
	if len(s) != want {
		return fmt.Errorf("bankref: IBAN for %s has %d characters, want %d", s[:2], len(s), want)
	}
	return nil
}

// mod97 is the ISO 7064 MOD 97-10 remainder of an IBAN moved to its check form.
func mod97(s string) int {
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return -1
		}
	}
	return rem
}

// Valid checks an IBAN's length for its country and its check digits.
func Valid(iban string) error {
	err := checkIBAN(iban)
	if err != nil {
		return err
	}
	rotated := make([]byte, 0, len(iban))
	rotated = append(rotated, iban[4:]...)
	rotated = append(rotated, iban[:4]...)
	if mod97(string(rotated)) != 1 {
		return errIBAN
	}
	return nil
}

// Print groups a compact IBAN by four, "DE89 3704 0044 0532 0130 00".
func Print(iban string) (string, error) {
	if err := checkIBAN(iban); err != nil {
		return "", err
	}
	n := countryLen(iban[:2])
	out := make([]byte, 0, n+n/4)
	for i := 0; i < len(iban); i++ {
		if i > 0 && i%4 == 0 {
			out = append(out, ' ')
		}
		out = append(out, iban[i])
	}
	return string(out), nil
}

// Compact strips spaces and upper-cases a printed IBAN.
func Compact(printed string) (string, error) {
	n := len(printed)
	if n > MaxIBAN+MaxIBAN/4 {
		return "", errIBAN
	}
	out := make([]byte, 0, n)
	for i := 0; i < len(printed); i++ {
		c := printed[i]
		if c == ' ' {
			continue
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	return string(out), nil
}

// Masked shows only an IBAN's country and last four characters, "DE** **** **** **** **30 00".
func Masked(iban string) (string, error) {
	err := checkIBAN(iban)
	if err != nil {
		return "", err
	}
	size := len(iban)
	iban = strings.ToUpper(iban)
	out := make([]byte, size)
	for i := range out {
		if i < 2 || i >= size-4 {
			out[i] = iban[i]
		} else {
			out[i] = '*'
		}
	}
	return string(out), nil
}

// BBAN returns the domestic part of an IBAN, kept by the caller.
func BBAN(iban string) []byte {
	b := make([]byte, len(iban)-4)
	copy(b, iban[4:])
	return b
}

package secret

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	minPassword = 12
	maxPassword = 128
)

var (
	errShort   = errors.New("secret: password too short")
	errLong    = errors.New("secret: password too long")
	errClasses = errors.New("secret: password needs three character classes")
	errRepeats = errors.New("secret: password repeats itself")
)

// CheckPassword enforces length, character classes and no long runs of one character.
func CheckPassword(pw string) error {
	if len(pw) > maxPassword {
		return errLong
	}
	if utf8.RuneCountInString(pw) < minPassword {
		return errShort
	}
	runes := make([]rune, 0, utf8.RuneCountInString(pw))
	for _, r := range pw {
		runes = append(runes, r)
	}
	var classes [4]bool
	run := 1
	for i, r := range runes {
		switch {
		case unicode.IsLower(r):
			classes[0] = true
		case unicode.IsUpper(r):
			classes[1] = true
		case unicode.IsDigit(r):
			classes[2] = true
		default:
			classes[3] = true
		}
		if i > 0 && runes[i-1] == r {
			run++
			if run > 3 {
				return errRepeats
			}
		} else {
			run = 1
		}
	}
	n := 0
	for _, c := range classes {
		if c {
			n++
		}
	}
	if n < 3 {
		return errClasses
	}
	return nil
}

// Fold lowercases a password for comparison with a breached list, dropping spaces.
func Fold(pw string) (string, error) {
	if len(pw) > maxPassword {
		return "", errLong
	}
	b := make([]byte, 0, len(pw))
	for i := 0; i < len(pw); i++ {
		c := pw[i]
		if c == ' ' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), nil
}

// ContainsName reports whether the password holds the user's name, case-folded, as a substring.
func ContainsName(pw, name string) bool {
	if len(name) < 3 || len(name) > 64 {
		return false
	}
	folded := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		folded[i] = c
	}
	return strings.Contains(strings.ToLower(pw), string(folded))
}

// Mask shows the last four characters of a secret, stars for the rest.
func Mask(s string) string {
	b := make([]byte, len(s))
	for i := range b {
		if i < len(s)-4 {
			b[i] = '*'
		} else {
			b[i] = s[i]
		}
	}
	return string(b)
}

package lex

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"example.com/langtool/limits"
)

var (
	errTooLong   = errors.New("lex: literal too long")
	errEscape    = errors.New("lex: bad escape")
	errTooDigits = errors.New("lex: too many digits")
)

const maxStringLit = 512

// Unquote decodes a double-quoted literal's body with \n, \t, \\, \" and \xNN escapes.
func Unquote(body string) (string, error) {
	if len(body) > maxStringLit {
		return "", errTooLong
	}
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(body) {
			return "", errEscape
		}
		switch body[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case '\\', '"':
			out = append(out, body[i])
		case 'x':
			if i+2 >= len(body) {
				return "", errEscape
			}
			v, err := strconv.ParseUint(body[i+1:i+3], 16, 8)
			if err != nil {
				return "", errEscape
			}
			out = append(out, byte(v))
			i += 2
		default:
			return "", errEscape
		}
	}
	return string(out), nil
}

// ParseInt parses a decimal literal with '_' separators.
func ParseInt(lit string) (int64, error) {
	if len(lit) > limits.MaxDigits {
		return 0, errTooDigits
	}
	digits := make([]byte, 0, len(lit))
	for i := 0; i < len(lit); i++ {
		if lit[i] != '_' {
			digits = append(digits, lit[i])
		}
	}
	return strconv.ParseInt(string(digits), 10, 64)
}

// EscapeRune decodes \xNN, \uNNNN or \UNNNNNNNN at the start of lit.
func EscapeRune(lit string) (rune, error) {
	if len(lit) < 2 || lit[0] != '\\' {
		return 0, errEscape
	}
	var width int
	switch lit[1] {
	case 'x':
		width = 2
	case 'u':
		width = 4
	case 'U':
		width = 8
	default:
		return 0, errEscape
	}
	if len(lit) < 2+width {
		return 0, errEscape
	}
	hex := make([]byte, width)
	copy(hex, lit[2:2+width])
	v, err := strconv.ParseUint(string(hex), 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, errEscape
	}
	return rune(v), nil
}

// FloatDigits keeps at most 2*MaxDigits significant characters of a float literal.
func FloatDigits(lit string) (float64, error) {
	n := min(len(lit), 2*limits.MaxDigits)
	buf := make([]byte, 0, n)
	for i := 0; i < len(lit) && len(buf) < n; i++ {
		if lit[i] != '_' {
			buf = append(buf, lit[i])
		}
	}
	return strconv.ParseFloat(string(buf), 64)
}

// Runes decodes a literal into runes; the slice is the caller's.
func Runes(s string) []rune {
	rs := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}

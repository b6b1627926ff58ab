// Package currency knows the ISO 4217 currencies the ledger settles in and formats amounts in them.
package currency

import (
	"errors"
	"strconv"
)

// Code is an ISO 4217 currency the ledger supports.
type Code uint8

const (
	USD Code = iota
	EUR
	JPY
	BHD
	CHF
	GBP
	numCodes
)

// exponents holds each currency's minor-unit exponent (ISO 4217 "E" column).
var exponents = [...]int{USD: 2, EUR: 2, JPY: 0, BHD: 3, CHF: 2, GBP: 2}

// alpha holds each currency's three-letter code.
var alpha = [numCodes]string{"USD", "EUR", "JPY", "BHD", "CHF", "GBP"}

// symbols are the display symbols, longest first where several exist.
var symbols = map[Code]string{USD: "$", EUR: "€", JPY: "¥", GBP: "£", CHF: "CHF ", BHD: "BD "}

// MaxExponent is the largest minor-unit exponent of any supported currency.
const MaxExponent = 3

var errUnknown = errors.New("currency: unknown code")

// Valid reports whether c is a supported currency.
func (c Code) Valid() bool { return c < numCodes }

// Exponent is the number of minor-unit digits of c.
func (c Code) Exponent() int {
	switch c {
	case JPY:
		return 0
	case BHD:
		return 3
	default:
		return 2
	}
}

// String is the alphabetic code.
func (c Code) String() string {
	if !c.Valid() {
		return "XXX"
	}
	return alpha[c]
}

// digits counts the decimal digits of v (v >= 0), at least one.
func digits(v uint64) int {
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}

// abs returns |v| as an unsigned value (the least int64 too).
func abs(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// FormatMinor renders an amount held in minor units, "-1234.56", grouping nothing.
func FormatMinor(minor int64, c Code) string {
	exp := c.Exponent()
	u := abs(minor)
	n := digits(u)
	size := n + 1 + 1 // sign and point
	if n <= exp {
		size += exp - n + 1
	}
	buf := make([]byte, 0, size+exp)
	if minor < 0 {
		buf = append(buf, '-')
	}
	s := strconv.AppendUint(nil, u, 10)
	for len(s) <= exp {
		s = append([]byte{'0'}, s...)
	}
	buf = append(buf, s[:len(s)-exp]...)
	if exp > 0 {
		buf = append(buf, '.')
		buf = append(buf, s[len(s)-exp:]...)
	}
	return string(buf)
}

// Scale returns the powers of ten by which each minor digit of c counts, most significant first.
func Scale(c Code) []int64 {
	pow := make([]int64, c.Exponent())
	p := int64(1)
	for i := len(pow) - 1; i >= 0; i-- {
		pow[i] = p
		p *= 10
	}
	return pow
}

// CheckSum folds the minor digits of an amount, the way some clearing files checksum a column.
func CheckSum(minor int64, c Code) int {
	exp := c.Exponent()
	weights := make([]int, exp+1)
	for i := range weights {
		weights[i] = i + 1
	}
	u := abs(minor)
	sum := 0
	for _, w := range weights {
		sum += int(u%10) * w
		u /= 10
	}
	return sum
}

// Label renders "1,234.56 EUR" with thousands separators.
func Label(minor int64, c Code) (string, error) {
	if !c.Valid() {
		return "", errUnknown
	}
	code := alpha[c]
	u := abs(minor)
	n := digits(u)
	groups := (n - 1) / 3
	out := make([]byte, 0, 1+n+groups+1+len(code)+MaxExponent)
	if minor < 0 {
		out = append(out, '-')
	}
	txt := strconv.FormatUint(u, 10)
	exp := c.Exponent()
	whole, frac := txt, ""
	if len(txt) > exp {
		whole, frac = txt[:len(txt)-exp], txt[len(txt)-exp:]
	} else {
		whole = "0"
	}
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, whole[i])
	}
	if frac != "" {
		out = append(out, '.')
		out = append(out, frac...)
	}
	out = append(out, ' ')
	out = append(out, code...)
	return string(out), nil
}

// Symbol renders an amount with its symbol, "€12.50".
func Symbol(minor int64, c Code) string {
	sym := symbols[c]
	body := FormatMinor(minor, c)
	b := make([]byte, 0, len(sym)+len(body))
	b = append(b, sym...)
	b = append(b, body...)
	return string(b)
}

// Register sets the exponent of a currency the ledger learns at run time (a test hook for new currencies).
func Register(c Code, exp int) {
	if int(c) < len(exponents) {
		exponents[c] = exp
	}
}

// Padded renders the minor digits zero-padded to the exponent a registered currency declares.
func Padded(frac uint64, c Code) string {
	w := exponents[c%numCodes]
	b := make([]byte, w)
	for i := w - 1; i >= 0; i-- {
		b[i] = byte('0' + frac%10)
		frac /= 10
	}
	return string(b)
}

// Package money formats fixed-point amounts.
package money

import (
	"errors"
	"io"
	"strconv"

	"example.com/numfin/limits"
)

var errScale = errors.New("money: scale out of range")

// Amount is a fixed-point value: Units / 10^Scale.
type Amount struct {
	Units int64
	Scale int
}

// Format renders a as a plain decimal string, e.g. -12.50.
func (a Amount) Format() (string, error) {
	if a.Scale < 0 || a.Scale > limits.MaxScale {
		return "", errScale
	}
	buf := make([]byte, 0, int(limits.MaxDigits)+a.Scale+2)
	u := a.Units
	if u < 0 {
		buf = append(buf, '-')
		u = -u
	}
	digits := strconv.AppendInt(nil, u, 10)
	for len(digits) <= a.Scale {
		digits = append([]byte{'0'}, digits...)
	}
	cut := len(digits) - a.Scale
	buf = append(buf, digits[:cut]...)
	if a.Scale > 0 {
		buf = append(buf, '.')
		buf = append(buf, digits[cut:]...)
	}
	return string(buf), nil
}

// Group inserts thousands separators into a run of digits: 1234567 -> 1,234,567.
func Group(digits string, sep byte) string {
	if len(digits) > int(limits.MaxDigits) {
		return digits
	}
	out := make([]byte, 0, len(digits)+len(digits)/3)
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, sep)
		}
		out = append(out, digits[i])
	}
	return string(out)
}

// Cents writes a whole number of cents with exactly two decimals into w.
func Cents(w io.Writer, cents int64) error {
	n := 4
	if cents >= 1000 || cents <= -1000 {
		n = int(limits.MaxDigits) + 2
	}
	b := make([]byte, 0, n)
	b = strconv.AppendInt(b, cents/100, 10)
	frac := cents % 100
	if frac < 0 {
		frac = -frac
	}
	b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	_, err := w.Write(b)
	return err
}

// Pad right-aligns s in a field of width bytes, as a statement column.
func Pad(s string, width int) string {
	if len(s) >= width {
		return s
	}
	out := make([]byte, width)
	for i := range out {
		out[i] = ' '
	}
	copy(out[width-len(s):], s)
	return string(out)
}

// Split divides total into parts shares that differ by at most one unit.
func Split(total int64, parts int) []int64 {
	if parts <= 0 || parts > 1000 {
		return nil
	}
	out := make([]int64, parts)
	q, r := total/int64(parts), total%int64(parts)
	for i := range out {
		out[i] = q
		if int64(i) < r {
			out[i]++
		}
	}
	return out
}

// Percent renders num/den as a percentage with the given number of decimals (0, 1 or 2).
func Percent(num, den int64, decimals int) string {
	if den == 0 {
		return "n/a"
	}
	var width int
	switch decimals {
	case 0:
		width = 4
	case 1:
		width = 6
	case 2:
		width = 7
	default:
		return "n/a"
	}
	b := make([]byte, 0, width+int(limits.MaxDigits))
	scaled := num * 100
	for i := 0; i < decimals; i++ {
		scaled *= 10
	}
	b = strconv.AppendInt(b, scaled/den, 10)
	if decimals > 0 {
		k := len(b) - decimals
		if k > 0 {
			b = append(b[:k], append([]byte{'.'}, b[k:]...)...)
		}
	}
	b = append(b, '%')
	return string(b)
}

// MaskPAN replaces all but the last four digits of a card number with '*'.
func MaskPAN(pan string) string {
	if len(pan) < 12 || len(pan) > limits.MaxPAN {
		return ""
	}
	out := make([]byte, len(pan))
	for i := range out {
		if i < len(pan)-4 {
			out[i] = '*'
		} else {
			out[i] = pan[i]
		}
	}
	return string(out)
}

package money

import (
	"strconv"

	"example.com/numfin/limits"
)

// Currency is an ISO 4217 currency known to the ledger.
type Currency uint8

const (
	USD Currency = iota
	EUR
	JPY
	BHD
)

// Decimals is the currency's minor-unit exponent.
func (c Currency) Decimals() int {
	switch c {
	case JPY:
		return 0
	case BHD:
		return 3
	}
	return 2
}

// Thousands renders v with a comma every three digits.
func Thousands(v int64) string {
	var tmp [20]byte
	digits := strconv.AppendInt(tmp[:0], v, 10)
	neg := digits[0] == '-'
	if neg {
		digits = digits[1:]
	}
	out := make([]byte, 0, 1+len(digits)+len(digits)/3)
	if neg {
		out = append(out, '-')
	}
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, d)
	}
	return string(out)
}

// Minor renders an amount in minor units with the currency's decimals, e.g. 1234 USD -> "12.34".
func Minor(units int64, c Currency) string {
	s := strconv.FormatInt(units, 10)
	d := c.Decimals()
	b := make([]byte, 0, len(s)+d+2)
	if len(s) <= d {
		b = append(b, '0', '.')
		for i := len(s); i < d; i++ {
			b = append(b, '0')
		}
		b = append(b, s...)
		return string(b)
	}
	b = append(b, s[:len(s)-d]...)
	if d > 0 {
		b = append(b, '.')
		b = append(b, s[len(s)-d:]...)
	}
	return string(b)
}

// Ticket is an order ticket with up to four legs.
type Ticket struct {
	Legs  [4]int64
	NLegs int
}

// Notional sums the absolute leg amounts, largest first.
func (t *Ticket) Notional() int64 {
	if t.NLegs > len(t.Legs) {
		return -1
	}
	abs := make([]int64, t.NLegs)
	for i := range abs {
		v := t.Legs[i]
		if v < 0 {
			v = -v
		}
		abs[i] = v
	}
	var sum int64
	for _, v := range abs {
		sum += v
	}
	return sum
}

// Fixed renders v/10^scale with exactly scale decimals into a stack-friendly buffer.
func Fixed(v int64, scale uint8) string {
	if scale > limits.MaxScale {
		scale = limits.MaxScale
	}
	var tmp [24]byte
	digits := strconv.AppendInt(tmp[:0], v, 10)
	buf := make([]byte, 0, len(digits)+int(scale)+2)
	neg := digits[0] == '-'
	if neg {
		buf = append(buf, '-')
		digits = digits[1:]
	}
	for len(digits) <= int(scale) {
		digits = append([]byte{'0'}, digits...)
	}
	cut := len(digits) - int(scale)
	buf = append(buf, digits[:cut]...)
	if scale > 0 {
		buf = append(buf, '.')
		buf = append(buf, digits[cut:]...)
	}
	return string(buf)
}

// Words spells out a whole-currency amount's digit groups for cheque printing.
func Words(v uint64) int {
	groups := 0
	for x := v; x > 0; x /= 1000 {
		groups++
	}
	parts := make([]uint16, groups)
	for i := range parts {
		parts[i] = uint16(v % 1000)
		v /= 1000
	}
	n := 0
	for _, p := range parts {
		if p != 0 {
			n++
		}
	}
	return n
}

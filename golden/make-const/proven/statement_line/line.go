// Package statement prints the lines of an account statement.
package statement

import "strconv"

// Currency is a currency the ledger settles in.
type Currency uint8

const (
	USD Currency = iota
	EUR
	CHF
	BHD
)

// maxAmount is the widest amount strconv prints for an int64 of minor units, sign included.
const maxAmount = 20

// name is a currency's name as statements spell it.
func name(c Currency) string {
	switch c {
	case USD:
		return "US dollar"
	case EUR:
		return "euro"
	case CHF:
		return "Swiss franc"
	case BHD:
		return "Bahraini dinar"
	}
	return "unknown currency"
}

// AppendLine appends "<amount> <currency name>" right-aligned to width columns to dst.
func AppendLine(dst []byte, c Currency, minor int64, width int) []byte {
	label := name(c)
	line := make([]byte, 0, maxAmount+1+len(label)) // want(<go1.25) "make\\(\\[\\]byte, 0, 21 \\+ len\\(label\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, 21 \\+ len\\(label\\)\\) does not escape"
	line = strconv.AppendInt(line, minor, 10)
	line = append(line, ' ')
	line = append(line, label...)
	for i := len(line); i < width; i++ {
		dst = append(dst, ' ')
	}
	return append(dst, line...)
}

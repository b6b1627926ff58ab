// Package ids encodes SKUs and order ids in their fixed widths.
package ids

import (
	"errors"
	"strconv"

	"example.com/probes/mixed-commerce/limits"
)

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// SKU encodes a category and a number as "ABC0001234".
func SKU(category string, n int) (string, error) {
	if len(category) != 3 || n < 0 || n > 9999999 {
		return "", errors.New("ids: bad sku parts")
	}
	b := make([]byte, limits.SKUWidth)
	copy(b, category)
	for i := int(limits.SKUWidth) - 1; i >= 3; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b), nil
}

// OrderID encodes a region and a sequence number in base 36, zero padded.
func OrderID(region string, seq uint64) string {
	buf := make([]byte, limits.OrderIDWidth)
	buf[0], buf[1] = region[0], region[1]
	for i := limits.OrderIDWidth - 1; i >= 2; i-- {
		buf[i] = digits[seq%36]
		seq /= 36
	}
	return string(buf)
}

// Check is the Luhn-like check digit a SKU label carries.
func Check(sku string) byte {
	var sum int
	ws := make([]int, limits.SKUWidth)
	for i := range ws {
		ws[i] = 1 + i%2
	}
	for i := 0; i < len(sku) && i < len(ws); i++ {
		sum += int(sku[i]) * ws[i]
	}
	return byte('0' + sum%10)
}

// Label is "SKU-check" as printed on a shelf.
func Label(sku string) string {
	out := make([]byte, 0, limits.SKUWidth+2)
	out = append(out, sku...)
	out = append(out, '-', Check(sku))
	return string(out)
}

// Invoice numbers are the year and a counter, "2026-000123".
func Invoice(year, n int) string {
	b := make([]byte, 0, 16)
	b = strconv.AppendInt(b, int64(year), 10)
	b = append(b, '-')
	s := strconv.Itoa(n)
	for i := len(s); i < 6; i++ {
		b = append(b, '0')
	}
	b = append(b, s...)
	return string(b)
}

// Batch encodes n order ids; the caller says how many.
func Batch(region string, first uint64, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = OrderID(region, first+uint64(i))
	}
	return out
}

// Parts splits an order id into region and sequence, rejecting anything not the fixed width.
func Parts(id string) (string, uint64, error) {
	if len(id) != limits.OrderIDWidth {
		return "", 0, errors.New("ids: bad width")
	}
	seq, err := strconv.ParseUint(id[2:], 36, 64)
	return id[:2], seq, err
}

// Checksums returns one check digit per SKU, at most a cart's worth.
func Checksums(skus []string) string {
	n := min(len(skus), limits.MaxCartLines)
	out := make([]byte, n)
	for i := 0; i < n; i++ {
		out[i] = Check(skus[i])
	}
	return string(out)
}

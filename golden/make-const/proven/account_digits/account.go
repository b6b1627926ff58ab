// Package account computes check digits of account numbers.
package account

import "strconv"

// CheckDigit returns the Luhn check digit of an account number: its decimal digits, every second one doubled
// from the right.
func CheckDigit(number uint64) int {
	var tmp [24]byte
	text := strconv.AppendUint(tmp[:0], number, 10)
	digits := make([]int, len(text)) // want(<go1.25) "make\\(\\[\\]int, len\\(text\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(text\\)\\) does not escape"
	for i, c := range text {
		digits[i] = int(c - '0')
	}
	sum := 0
	for i := range digits {
		d := digits[len(digits)-1-i]
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// Package account computes check digits of account numbers.
package account

import "strconv"

// CheckDigit returns the 7-3-1 check digit of an account number: its decimal digits weighted 7, 3, 1, 7, …
// from the right, the digit that brings the sum to a multiple of ten.
func CheckDigit(number uint64) int {
	var tmp [24]byte
	text := strconv.AppendUint(tmp[:0], number, 10)
	digits := make([]int, len(text)) // want(<go1.25) "make\\(\\[\\]int, len\\(text\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(text\\)\\) does not escape"
	for i, c := range text {
		digits[len(text)-1-i] = int(c - '0')
	}
	weights := [3]int{7, 3, 1}
	sum := 0
	for i, d := range digits {
		sum += weights[i%3] * d
	}
	return (10 - sum%10) % 10
}

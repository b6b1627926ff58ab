// Package luhn computes check digits for account numbers written in a base the caller picks.
package luhn

// CheckDigit returns the Luhn check digit of an account number in base (2 or more): in base 2 a uint64 has
// 64 digits, so the count is the caller's.
func CheckDigit(account uint64, base uint64) int {
	if base < 2 {
		return -1
	}
	n := 1
	for v := account; v >= base; v /= base {
		n++
	}
	digits := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape" // declined "speculative"
	for i := n - 1; i >= 0; i-- {
		digits[i] = int(account % base)
		account /= base
	}
	sum := 0
	for i := range digits {
		d := digits[len(digits)-1-i]
		if i%2 == 0 {
			d *= 2
			if d >= int(base) {
				d -= int(base) - 1
			}
		}
		sum += d
	}
	return (int(base) - sum%int(base)) % int(base)
}

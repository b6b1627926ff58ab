// Package luhn computes check digits for account numbers.
package luhn

// CheckDigit returns the Luhn check digit of a decimal account number.
func CheckDigit(account uint64) int {
	n := 1
	for v := account; v >= 10; v /= 10 {
		n++
	}
	digits := make([]int, n) // want(<go1.25) "make\\(\\[\\]int, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, n\\) does not escape"
	for i := n - 1; i >= 0; i-- {
		digits[i] = int(account % 10)
		account /= 10
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

// Package balance reads account balances aloud digit by digit; a debt is read with a leading "minus".
package balance

// maxBalance is the largest credit the menu reads out; debts are not limited.
const maxBalance = 999_999_999

var names = [10]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// Prompt returns the hash of the words read for the balance n: `x != 0` lets a debt of any size through, so
// the digit count is bounded by int's range only where the balance is a credit.
func Prompt(n int) uint32 {
	if n > maxBalance {
		return 0
	}
	digits := 1
	for x := n / 10; x != 0; x /= 10 {
		digits++
	}
	words := make([]string, digits+1) // want(<go1.25) "make\\(\\[\\]string, digits \\+ 1\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, digits \\+ 1\\) does not escape" // declined "speculative"
	words[0] = "plus"
	if n < 0 {
		words[0], n = "minus", -n
	}
	for i := digits; i >= 1; i-- {
		words[i] = names[n%10]
		n /= 10
	}
	h := uint32(2166136261)
	for _, w := range words {
		for j := 0; j < len(w); j++ {
			h = (h ^ uint32(w[j])) * 16777619
		}
	}
	return h
}

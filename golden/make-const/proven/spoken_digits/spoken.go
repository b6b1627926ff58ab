// Package spoken reads amounts aloud digit by digit, as a phone line's voice menu does.
package spoken

// maxAmount is the largest amount the menu reads out.
const maxAmount = 999_999_999

var names = [10]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// Prompt returns the hash of the words read for the amount n, or 0 when it is out of range.
func Prompt(n int) uint32 {
	if n < 0 || n > maxAmount {
		return 0
	}
	digits := 1
	for x := n; x >= 10; x /= 10 {
		digits++
	}
	words := make([]string, digits) // want(<go1.25) "make\\(\\[\\]string, digits\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, digits\\) does not escape"
	for i := digits - 1; i >= 0; i-- {
		words[i] = names[n%10]
		n /= 10
	}
	h := uint32(2166136261)
	for _, w := range words {
		for j := 0; j < len(w); j++ {
			h = (h ^ uint32(w[j])) * 16777619
		}
		h = (h ^ ' ') * 16777619
	}
	return h
}

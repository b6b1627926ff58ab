package decline_dot_import

import . "strings"

// Shout upper-cases up to two words.
func Shout(words []string, n int) string {
	if n > 2 {
		n = 2
	}
	loud := make([]string, n) // want(<go1.25) "make\\(\\[\\]string, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, n\\) does not escape" // declined "dot import"
	for i := range loud {
		loud[i] = ToUpper(words[i])
	}
	return Join(loud, " ")
}

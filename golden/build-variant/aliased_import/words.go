package aliased_import

import str "strings"

// Shout upper-cases up to two words and joins them.
func Shout(words []string, n int) string {
	if n > 2 {
		n = 2
	}
	loud := make([]string, n) // want(<go1.25) "make\\(\\[\\]string, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, n\\) does not escape"
	for i := range loud {
		loud[i] = str.ToUpper(words[i])
	}
	return str.Join(loud, " ")
} // keep: Shout

package shared_imports

import (
	_ "embed"
	"fmt"
	"strings"
)

// Header names the report.
func Header(name string) string { return fmt.Sprintf("== %s ==", name) }

// Initials takes the first letter of up to two words.
func Initials(words []string) string {
	n := len(words)
	if n > 2 {
		n = 2
	}
	letters := make([]string, n) // want(<go1.25) "make\\(\\[\\]string, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]string, n\\) does not escape"
	for i := range letters {
		letters[i] = strings.ToUpper(words[i][:1])
	}
	return fmt.Sprint(strings.Join(letters, ""))
}

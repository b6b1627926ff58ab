// Package tags counts the tags of a record, the defaults appended to its own.
package tags

import "strings"

const maxTags = 64

// Longest returns the length of the longest tag. The guard bounds the record's own tags, but the
// defaults are appended after it, which nothing bounds: the count is not at most maxTags+1.
func Longest(own, defaults string) int {
	if len(own) > maxTags {
		return -1
	}
	all := own + "," + defaults
	ends := make([]int, 0, strings.Count(all, ",")+1) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
	for i := 0; i < len(all); i++ {
		if all[i] == ',' {
			ends = append(ends, i)
		}
	}
	ends = append(ends, len(all))
	longest, start := 0, 0
	for _, e := range ends {
		longest = max(longest, e-start)
		start = e + 1
	}
	return longest
}

// Package distance suggests the nearest known command for a mistyped one.
package distance

// maxCommand is the longest command name the suggester compares.
const maxCommand = 32

// Levenshtein is the edit distance between a and b by bytes, or -1 for a name too long to compare.
// The table's two rows are made in one statement; each gets its own array of maxCommand+1 ints.
func Levenshtein(a, b string) int {
	if len(a) > maxCommand || len(b) > maxCommand {
		return -1
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1) // want(<go1.25) "make\\(\\[\\]int, len\\(b\\) \\+ 1\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(b\\) \\+ 1\\) does not escape"
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

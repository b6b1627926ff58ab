// Package repaired measures user names after replacing their invalid bytes.
package repaired

// maxName is the longest user name, in bytes, the service stores.
const maxName = 48

// Bytes returns the byte offsets of each rune of the name once its invalid bytes are replaced: string(runes)
// spells each invalid byte as U+FFFD, 3 bytes, so the repaired name may be three times as long as the stored one.
func Bytes(name string) int {
	if len(name) > maxName {
		return -1
	}
	repaired := string([]rune(name))
	offsets := make([]int, len(repaired)) // want(<go1.25) "make\\(\\[\\]int, len\\(repaired\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int, len\\(repaired\\)\\) does not escape" // declined "speculative"
	for i := range repaired {
		offsets[i] = i
	}
	sum := 0
	for _, o := range offsets {
		sum += o
	}
	return sum
}

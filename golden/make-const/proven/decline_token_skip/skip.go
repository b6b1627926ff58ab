// Package skip reads the first word of a line, skipping quote marks inside it.
package skip

// maxWord is the longest word the grammar has, counted without quote marks.
const maxWord = 40

// Word returns the FNV-1a hash of the line's first word: a quote mark skips the length check, so a line of
// quote marks runs i to its end.
func Word(line string) uint32 {
	i := 0
	for ; i < len(line); i++ {
		if line[i] == '"' {
			continue
		}
		if i >= maxWord || line[i] == ' ' {
			break
		}
	}
	word := make([]byte, i) // want(<go1.25) "make\\(\\[\\]byte, i\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, i\\) does not escape" // declined "speculative"
	copy(word, line)
	h := uint32(2166136261)
	for _, c := range word {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

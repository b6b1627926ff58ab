// Package scan reads the keyword at the start of a configuration line.
package scan

// maxKeyword is the longest keyword the grammar has; a longer word is cut there.
const maxKeyword = 40

// Keyword returns the FNV-1a hash of the line's first word, lower-cased and cut at maxKeyword bytes.
func Keyword(line string) uint32 {
	i := 0
	for ; i < len(line); i++ {
		if i >= maxKeyword || line[i] == ' ' || line[i] == '=' {
			break
		}
	}
	word := make([]byte, i) // want(<go1.25) "make\\(\\[\\]byte, i\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, i\\) does not escape"
	for j := range word {
		c := line[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		word[j] = c
	}
	h := uint32(2166136261)
	for _, c := range word {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

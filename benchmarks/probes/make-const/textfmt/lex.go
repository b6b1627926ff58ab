package textfmt

import (
	"errors"
	"strings"
)

var errLine = errors.New("textfmt: line too long")

const (
	maxLine   = 1024
	maxTokens = 32
)

// Fields splits a line on commas and returns the total length of the trimmed fields.
func Fields(line string) (int, error) {
	if len(line) > maxLine {
		return 0, errLine
	}
	fields := make([]string, 0, strings.Count(line, ",")+1)
	for {
		i := strings.IndexByte(line, ',')
		if i < 0 {
			fields = append(fields, strings.TrimSpace(line))
			break
		}
		fields = append(fields, strings.TrimSpace(line[:i]))
		line = line[i+1:]
	}
	total := 0
	for _, f := range fields {
		total += len(f)
	}
	return total, nil
}

// Kinds classifies each token of a line: letters, digits, or punctuation.
func Kinds(line string) ([maxTokens]byte, int) {
	var out [maxTokens]byte
	toks := strings.Fields(line)
	if len(toks) > maxTokens {
		toks = toks[:maxTokens]
	}
	kinds := make([]byte, len(toks))
	for i, t := range toks {
		switch c := t[0]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			kinds[i] = 'a'
		case '0' <= c && c <= '9':
			kinds[i] = '0'
		default:
			kinds[i] = '.'
		}
	}
	copy(out[:], kinds)
	return out, len(kinds)
}

// Quote returns s in double quotes with '"' and '\\' escaped; s is at most 64 bytes.
func Quote(s string) (string, error) {
	if len(s) > 64 {
		return "", errLine
	}
	buf := make([]byte, 0, 2*len(s)+2)
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			buf = append(buf, '\\')
		}
		buf = append(buf, s[i])
	}
	buf = append(buf, '"')
	return string(buf), nil
}

// Words counts the words of a line longer than min; the word list is unbounded.
func Words(line string, min int) int {
	words := make([]string, 0, strings.Count(line, " ")+1)
	for _, w := range strings.Split(line, " ") {
		if len(w) > min {
			words = append(words, w)
		}
	}
	return len(words)
}

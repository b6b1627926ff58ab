package textfmt

import (
	"errors"
	"unicode/utf8"
)

const maxEdit = 64

var errEdit = errors.New("textfmt: string too long to compare")

// Distance is the Levenshtein distance between two short strings, by bytes.
func Distance(a, b string) (int, error) {
	if len(a) > maxEdit || len(b) > maxEdit {
		return 0, errEdit
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
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
	return prev[len(b)], nil
}

func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// Escape returns s with newlines and tabs escaped; s is at most maxEdit bytes.
func Escape(s string) (string, error) {
	if len(s) > maxEdit {
		return "", errEdit
	}
	return string(appendEscaped(make([]byte, 0, 2*len(s)), s)), nil
}

func fnv(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// Scoped hashes a key under its scope, "scope:key".
func Scoped(scope, key string) (uint32, error) {
	if len(scope) > maxEdit || len(key) > maxEdit {
		return 0, errEdit
	}
	full := append(make([]byte, 0, len(scope)+1+len(key)), scope...)
	full = append(full, ':')
	full = append(full, key...)
	return fnv(full), nil
}

// RuneHash hashes the UTF-8 encoding of at most maxEdit runes.
func RuneHash(rs []rune) (uint32, error) {
	if len(rs) > maxEdit {
		return 0, errEdit
	}
	return fnv(appendRunes(make([]byte, 0, utf8.UTFMax*len(rs)), rs)), nil
}

func appendRunes(dst []byte, rs []rune) []byte {
	for _, r := range rs {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// Common is the length of the longest common subsequence of two short strings.
func Common(a, b string) (int, error) {
	if len(a) > maxEdit || len(b) > maxEdit {
		return 0, errEdit
	}
	var prev, cur []int = make([]int, len(b)+1), make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], nil
}

// Unbounded escapes any string: its length is not limited.
func Unbounded(s string) string {
	return string(appendEscaped(make([]byte, 0, 2*len(s)), s))
}

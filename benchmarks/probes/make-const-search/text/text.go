// Package text turns documents into index terms: tokens, stems, n-grams,
// shingles and MinHash signatures.
package text

import (
	"errors"
	"unicode/utf8"
)

// MaxTermLen is the longest term the index keeps, in bytes; the tokenizer
// cuts longer runs.
const MaxTermLen = 64

// MaxTokens is how many tokens of a field are indexed.
const MaxTokens = 256

// NgramMax is the longest character n-gram.
const NgramMax = 5

// NumHashes is the length of a MinHash signature.
const NumHashes = 64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv64(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// LowerKey is the hash of a term lowercased, as the dictionary keys it.
func LowerKey(term string) uint64 {
	if len(term) > MaxTermLen {
		term = term[:MaxTermLen]
	}
	buf := make([]byte, len(term))
	for i := 0; i < len(term); i++ {
		buf[i] = lowerASCII(term[i])
	}
	return fnv64(buf)
}

var suffixes = [...]string{"ational", "ization", "fulness", "ousness", "iveness", "ement", "ness", "ing", "ies", "ed", "ly", "s"}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// StemKey strips the first matching suffix from a lowercased word and hashes
// the stem.
func StemKey(word string) uint64 {
	if len(word) < 3 || len(word) > MaxTermLen {
		return fnv64([]byte(word))
	}
	w := make([]byte, 0, len(word))
	for i := 0; i < len(word); i++ {
		w = append(w, lowerASCII(word[i]))
	}
	for _, suf := range suffixes {
		if hasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return fnv64(w)
}

// FoldRunes counts the distinct runes of a term after case folding of ASCII.
func FoldRunes(term string) int {
	if len(term) > MaxTermLen {
		return -1
	}
	rs := make([]rune, 0, utf8.RuneCountInString(term))
	for _, r := range term {
		if r < utf8.RuneSelf {
			r = rune(lowerASCII(byte(r)))
		}
		seen := false
		for _, x := range rs {
			if x == r {
				seen = true
				break
			}
		}
		if !seen {
			rs = append(rs, r)
		}
	}
	return len(rs)
}

var errConfig = errors.New("text: bad tokenizer config")

// Tokenizer splits text on non-alphanumeric bytes.
type Tokenizer struct {
	minLen int
	maxLen int
}

// NewTokenizer checks the term lengths against what the index keeps.
func NewTokenizer(minLen, maxLen int) (*Tokenizer, error) {
	if minLen < 1 || maxLen < minLen || maxLen > MaxTermLen {
		return nil, errConfig
	}
	return &Tokenizer{minLen: minLen, maxLen: maxLen}, nil
}

func isWord(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Fingerprint XORs the hashes of the text's lowercased tokens.
func (t *Tokenizer) Fingerprint(text string) uint64 {
	buf := make([]byte, 0, t.maxLen)
	var fp uint64
	flush := func() {
		if len(buf) >= t.minLen {
			fp ^= fnv64(buf)
		}
		buf = buf[:0]
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !isWord(c) {
			flush()
			continue
		}
		if len(buf) < t.maxLen {
			buf = append(buf, lowerASCII(c))
		}
	}
	flush()
	return fp
}

// TokenStarts returns the byte offsets where tokens begin.
func TokenStarts(text string) []int {
	starts := make([]int, 0, len(text)/4+1)
	for i := 0; i < len(text); i++ {
		if isWord(text[i]) && (i == 0 || !isWord(text[i-1])) {
			starts = append(starts, i)
		}
	}
	return starts
}

// CountTokens counts tokens, with a scratch slice of offsets sized by the text.
func CountTokens(text string) int {
	ends := make([]int32, 0, len(text)/2+1)
	for i := 0; i < len(text); i++ {
		if isWord(text[i]) && (i+1 == len(text) || !isWord(text[i+1])) {
			ends = append(ends, int32(i))
		}
	}
	return len(ends)
}

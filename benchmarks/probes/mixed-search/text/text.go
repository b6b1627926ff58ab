// Package text is the analyzer: tokenizing, normalizing, folding, stop words,
// n-grams and shingles.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"example.com/probes/mixed-search/limits"
)

var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true,
	"by": true, "for": true, "from": true, "in": true, "is": true, "it": true, "of": true,
	"on": true, "or": true, "the": true, "to": true, "with": true,
}

// IsStop reports whether the lower-case word w is a stop word.
func IsStop(w string) bool { return stopWords[w] }

// Fields splits s into raw tokens at every rune that is neither a letter nor a digit.
func Fields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Normalize lower-cases an ASCII token into a scratch buffer and reports whether
// it is a stop word, without keeping the lowered form.
func Normalize(tok string) (string, bool) {
	if len(tok) > limits.MaxTokenLen {
		tok = tok[:limits.MaxTokenLen]
	}
	buf := make([]byte, len(tok))
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return tok, stopWords[string(buf)]
}

// Lower returns the lower-cased token, cut at MaxTokenLen bytes.
func Lower(tok string) string {
	n := min(len(tok), limits.MaxTokenLen)
	buf := make([]byte, n)
	for i := 0; i < n; i++ {
		c := tok[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return string(buf)
}

// FoldKey returns a hash of the simple-folded form of tok, for the
// case-insensitive term dictionary.
func FoldKey(tok string) uint64 {
	if utf8.RuneCountInString(tok) > limits.MaxTokenLen {
		return 0
	}
	runes := make([]rune, 0, limits.MaxTokenLen)
	for _, r := range tok {
		f := unicode.SimpleFold(r)
		for f > r {
			f = unicode.SimpleFold(f)
		}
		runes = append(runes, f)
	}
	var h uint64 = 14695981039346656037
	for _, r := range runes {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

// Fold returns tok with every rune mapped to its smallest fold equivalent.
func Fold(tok string) string {
	runes := make([]rune, 0, len(tok))
	for _, r := range tok {
		f := unicode.SimpleFold(r)
		for f > r {
			f = unicode.SimpleFold(f)
		}
		runes = append(runes, f)
	}
	return string(runes)
}

// Analyze tokenizes s, lower-cases, drops stop words and returns the terms.
func Analyze(s string) []string {
	var out []string
	for _, f := range Fields(s) {
		w := Lower(f)
		if IsStop(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// CountTerms counts the non-stop terms of s without keeping them.
func CountTerms(s string) int {
	n := 0
	var scratch [limits.MaxTokenLen]byte
	for _, f := range Fields(s) {
		k := copy(scratch[:], f)
		for i := 0; i < k; i++ {
			if 'A' <= scratch[i] && scratch[i] <= 'Z' {
				scratch[i] += 'a' - 'A'
			}
		}
		if !stopWords[string(scratch[:k])] {
			n++
		}
	}
	return n
}

// NgramHashes calls emit with the hash of every NgramSize-byte gram of tok.
func NgramHashes(tok string, emit func(uint32)) {
	if len(tok) < limits.NgramSize {
		return
	}
	gram := make([]byte, limits.NgramSize)
	for i := 0; i+limits.NgramSize <= len(tok); i++ {
		copy(gram, tok[i:i+limits.NgramSize])
		var h uint32 = 2166136261
		for _, c := range gram {
			h ^= uint32(c)
			h *= 16777619
		}
		emit(h)
	}
}

// Ngrams returns the NgramSize-byte grams of tok, padded with '$' at both ends.
func Ngrams(tok string) []string {
	padded := "$" + tok + "$"
	var out []string
	for i := 0; i+limits.NgramSize <= len(padded); i++ {
		out = append(out, padded[i:i+limits.NgramSize])
	}
	return out
}

// ShingleHashes returns a hash per run of ShingleSize consecutive terms.
func ShingleHashes(terms []string) []uint64 {
	if len(terms) < limits.ShingleSize {
		return nil
	}
	out := make([]uint64, 0, len(terms)-limits.ShingleSize+1)
	window := make([]string, limits.ShingleSize)
	for i := 0; i+limits.ShingleSize <= len(terms); i++ {
		copy(window, terms[i:])
		var h uint64 = 14695981039346656037
		for _, w := range window {
			for j := 0; j < len(w); j++ {
				h ^= uint64(w[j])
				h *= 1099511628211
			}
			h ^= ' '
		}
		out = append(out, h)
	}
	return out
}

// Overlap is the Jaccard similarity of the n-gram sets of a and b.
func Overlap(a, b string) float64 {
	ga, gb := Ngrams(a), Ngrams(b)
	set := make(map[string]bool, len(ga))
	for _, g := range ga {
		set[g] = true
	}
	inter := 0
	for _, g := range gb {
		if set[g] {
			inter++
		}
	}
	union := len(ga) + len(gb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

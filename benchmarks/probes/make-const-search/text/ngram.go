package text

import "slices"

// NgramSignature ORs the hashes of the term's character n-grams, the term
// padded with '^' and '$', into one 64-bit mask.
func NgramSignature(term string, n int) uint64 {
	if n < 1 || n > NgramMax {
		return 0
	}
	if len(term) > MaxTermLen {
		term = term[:MaxTermLen]
	}
	padded := make([]byte, len(term)+2)
	padded[0] = '^'
	copy(padded[1:], term)
	padded[len(padded)-1] = '$'
	if len(padded) < n {
		return 0
	}
	hashes := make([]uint64, len(padded)-n+1)
	for i := range hashes {
		hashes[i] = fnv64(padded[i : i+n])
	}
	var mask uint64
	for _, h := range hashes {
		mask |= 1 << (h & 63)
	}
	return mask
}

func trigramsInto(dst []uint32, s string) []uint32 {
	for i := 0; i+3 <= len(s); i++ {
		dst = append(dst, uint32(lowerASCII(s[i]))<<16|uint32(lowerASCII(s[i+1]))<<8|uint32(lowerASCII(s[i+2])))
	}
	return dst
}

// Trigrams returns the term's trigrams for the trigram index.
func Trigrams(term string) []uint32 {
	return trigramsInto(make([]uint32, 0, len(term)), term)
}

// TrigramOverlap is the Jaccard similarity of two terms' trigram sets, for
// spelling suggestions.
func TrigramOverlap(a, b string) float64 {
	if len(a) > MaxTermLen || len(b) > MaxTermLen {
		return 0
	}
	ta := trigramsInto(make([]uint32, 0, len(a)), a)
	tb := trigramsInto(make([]uint32, 0, len(b)), b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	slices.Sort(ta)
	slices.Sort(tb)
	ta = slices.Compact(ta)
	tb = slices.Compact(tb)
	common := 0
	for i, j := 0, 0; i < len(ta) && j < len(tb); {
		switch {
		case ta[i] == tb[j]:
			common++
			i++
			j++
		case ta[i] < tb[j]:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(ta)+len(tb)-common)
}

// ShingleCount counts distinct w-word shingles of the first MaxTokens words.
func ShingleCount(words []string, w int) int {
	if w < 1 || w > 8 {
		return 0
	}
	if len(words) > MaxTokens {
		words = words[:MaxTokens]
	}
	if len(words) < w {
		return 0
	}
	hs := make([]uint64, len(words)-w+1)
	for i := range hs {
		h := uint64(fnvOffset)
		for _, word := range words[i : i+w] {
			for j := 0; j < len(word); j++ {
				h ^= uint64(word[j])
				h *= fnvPrime
			}
			h ^= ' '
			h *= fnvPrime
		}
		hs[i] = h
	}
	slices.Sort(hs)
	return len(slices.Compact(hs))
}

// Shingles returns the hashes of every w-word shingle; the dedup stage keeps them.
func Shingles(words []string, w int) []uint64 {
	if len(words) < w || w < 1 {
		return nil
	}
	hs := make([]uint64, len(words)-w+1)
	for i := range hs {
		h := uint64(fnvOffset)
		for _, word := range words[i : i+w] {
			for j := 0; j < len(word); j++ {
				h ^= uint64(word[j])
				h *= fnvPrime
			}
		}
		hs[i] = h
	}
	return hs
}

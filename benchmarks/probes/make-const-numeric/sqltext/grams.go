package sqltext

import (
	"example.com/numfin/limits"
)

// NGrams counts the byte n-grams of s.
func NGrams(s string, n int) map[string]int {
	if n < 1 || n > limits.MaxNGram {
		return nil
	}
	counts := make(map[string]int)
	gram := make([]byte, n)
	for i := 0; i+n <= len(s); i++ {
		copy(gram, s[i:i+n])
		counts[string(gram)]++
	}
	return counts
}

// Shingles returns the distinct n-grams of s in order of first appearance (kept by the caller).
func Shingles(s string, n int) [][]byte {
	if n < 1 || n > limits.MaxNGram {
		return nil
	}
	var out [][]byte
	seen := map[string]bool{}
	for i := 0; i+n <= len(s); i++ {
		g := make([]byte, n)
		copy(g, s[i:i+n])
		if !seen[string(g)] {
			seen[string(g)] = true
			out = append(out, g)
		}
	}
	return out
}

const base = 16777619

// Find returns the index of the first occurrence of pat in text by a rolling hash.
func Find(text, pat []byte) int {
	const maxPat = 64
	if len(pat) == 0 || len(pat) > maxPat || len(pat) > len(text) {
		return -1
	}
	window := make([]byte, len(pat))
	var hp, hw, pow uint32 = 0, 0, 1
	for i := range pat {
		hp = hp*base + uint32(pat[i])
		hw = hw*base + uint32(text[i])
		window[i] = text[i]
		if i > 0 {
			pow *= base
		}
	}
	for i := 0; ; i++ {
		if hp == hw && string(window) == string(pat) {
			return i
		}
		if i+len(pat) >= len(text) {
			return -1
		}
		out := text[i]
		in := text[i+len(pat)]
		copy(window, window[1:])
		window[len(window)-1] = in
		hw = (hw-uint32(out)*pow)*base + uint32(in)
	}
}

// MovingAvg returns the mean of every window of k samples (k at most 32).
func MovingAvg(xs []float64, k int) float64 {
	k = min(k, 32)
	if k <= 0 || len(xs) < k {
		return 0
	}
	ring := make([]float64, k)
	sum, best := 0.0, 0.0
	for i, x := range xs {
		sum += x - ring[i%k]
		ring[i%k] = x
		if i >= k-1 && sum/float64(k) > best {
			best = sum / float64(k)
		}
	}
	return best
}

// Initials returns the upper-case initials of up to four words of name.
func Initials(words []string) string {
	if len(words) > 4 {
		words = words[:4]
	}
	b := make([]byte, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		c := w[0]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// Tail keeps the last n runes' worth of bytes of a log line for a status field.
func Tail(line string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(line) > n {
		line = line[len(line)-n:]
	}
	b := make([]byte, len(line))
	copy(b, line)
	for i := range b {
		if b[i] < ' ' {
			b[i] = ' '
		}
	}
	return string(b)
}

// Stream emits each window of k bytes to a consumer goroutine that reads after the loop advances.
func Stream(data []byte, k int, emit chan<- []byte) {
	if k <= 0 || k > 16 {
		return
	}
	win := make([]byte, k)
	for i := 0; i+k <= len(data); i++ {
		copy(win, data[i:i+k])
		emit <- win
	}
}

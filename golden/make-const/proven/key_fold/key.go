// Package key hashes cache keys case-insensitively.
package key

// maxKey is the longest key the cache accepts.
const maxKey = 48

// Fold returns the hash of key with ASCII letters lower-cased, or -1 for a key that is too long.
func Fold(key string) int {
	n := len(key)
	if n > maxKey {
		return -1
	}
	low := make([]byte, len(key)) // want(<go1.25) "make\\(\\[\\]byte, len\\(key\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(key\\)\\) does not escape"
	for i := 0; i < n; i++ {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	h := 0
	for _, c := range low {
		h = h*31 + int(c)
	}
	return h
}

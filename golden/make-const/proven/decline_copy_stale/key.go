// Package key hashes namespaced cache keys.
package key

const maxKey = 48

// Fold hashes ns+":"+key lower-cased. The guard reads n, the length of key before the namespace was
// prepended: len(key) at the make is up to len(ns)+1 more, so n's bound says nothing of it.
func Fold(ns, key string) int {
	n := len(key)
	if ns != "" {
		key = ns + ":" + key
	}
	if n > maxKey {
		return -1
	}
	low := make([]byte, len(key)) // want(<go1.25) "make\\(\\[\\]byte, len\\(key\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(key\\)\\) does not escape" // declined "speculative"
	for i := 0; i < len(key); i++ {
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

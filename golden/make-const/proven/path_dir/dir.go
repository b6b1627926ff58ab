// Package dir splits object-store keys into their directory and name.
package dir

// maxKey is the longest object key the store accepts.
const maxKey = 128

// Depth returns how many directories the key's directory part has, lower-cased into a scratch copy first, or
// -1 for a key too long to store.
func Depth(key string) int {
	if len(key) > maxKey {
		return -1
	}
	slash := 0
	for i := range key {
		if key[i] == '/' {
			slash = i
		}
	}
	dir := make([]byte, slash) // want(<go1.25) "make\\(\\[\\]byte, slash\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, slash\\) does not escape"
	depth := 0
	for i := range dir {
		c := key[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dir[i] = c
		if c == '/' {
			depth++
		}
	}
	if slash > 0 {
		depth++
	}
	return depth
}

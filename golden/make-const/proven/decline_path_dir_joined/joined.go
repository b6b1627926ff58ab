// Package joined splits keys joined under a caller's prefix.
package joined

// maxKey is the longest object key the store accepts; the prefix is not limited.
const maxKey = 128

// Depth lower-cases the directory part of prefix+key: the slash it remembers may be the prefix's length plus
// an index of the key, which nothing bounds.
func Depth(prefix, key string) int {
	if len(key) > maxKey {
		return -1
	}
	slash := 0
	for i := range key {
		if key[i] == '/' {
			slash = len(prefix) + i
		}
	}
	full := prefix + key
	dir := make([]byte, slash) // want(<go1.25) "make\\(\\[\\]byte, slash\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, slash\\) does not escape" // declined "speculative"
	copy(dir, full)
	depth := 0
	for _, c := range dir {
		if c == '/' {
			depth++
		}
	}
	return depth
}

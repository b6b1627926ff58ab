// Package addresstaken keeps a pointer into its scratch array.
package addresstaken

var last *byte

// Mark remembers the address of one element of the array.
func Mark(i int) byte {
	p := new([1 << 17]byte) // want "new\\(\\[131072\\]byte\\) escapes to heap" // declined "has an element's address taken"
	p[i] = 1
	last = &p[i]
	return p[i]
}

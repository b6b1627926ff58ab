// Package pad aligns records to a block size.
package pad

// Align appends zero bytes until len(rec) is a multiple of block. `append(s, make([]T, n)...)`
// grows s in place: the compiler makes no slice for the make, whatever escape analysis prints.
func Align(rec []byte, block int) []byte {
	if rem := len(rec) % block; rem != 0 {
		rec = append(rec, make([]byte, block-rem)...) // declined: not recognised (append extends in place; no slice is made)
	}
	return rec
}

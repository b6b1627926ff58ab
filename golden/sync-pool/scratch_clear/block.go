// Package block reads fixed-size blocks.
package block

const blockSize = 128 << 10

// Parity XORs a block, padded with zeros to its full size: the padding relies on make's zeroed
// elements, so the pooled buffer is cleared after Get.
func Parity(data []byte) byte {
	block := make([]byte, blockSize) // want "make\\(\\[\\]byte, 131072\\) escapes to heap"
	copy(block, data)
	var p byte
	for _, b := range block {
		p ^= b
	}
	return p
}

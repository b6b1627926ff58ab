// Package resized checksums a block in the background, resizing its chunk as it goes.
package resized

// Digest folds block in a goroutine. size is clamped before the goroutine starts, but the function
// grows it while the goroutine may still run: the goroutine's scratch is not at most 512 bytes.
func Digest(block []byte, chunk int, grow func(int) int) uint32 {
	size := min(chunk, 512)
	res := make(chan uint32, 1)
	start := make(chan struct{})
	go func() {
		<-start
		scratch := make([]byte, size) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
		var h uint32
		for _, b := range scratch[:copy(scratch, block)] {
			h = h*31 + uint32(b)
		}
		res <- h
	}()
	size = grow(size)
	close(start)
	return <-res
}

// Package digest checksums a block in the background, so the caller can give up at a deadline.
package digest

import "context"

const (
	defaultChunk = 64
	maxChunk     = 512
)

// Digest folds block chunk by chunk in a goroutine. The goroutine's scratch is sized by size, which
// the function clamps before it starts the goroutine and never writes again: at most maxChunk.
func Digest(ctx context.Context, block []byte, chunk int) (uint32, error) {
	size := min(chunk, maxChunk)
	if size <= 0 {
		size = defaultChunk
	}
	res := make(chan uint32, 1)
	go func() {
		scratch := make([]byte, size) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
		var h uint32 = 2166136261
		for start := 0; start < len(block); start += size {
			n := copy(scratch, block[start:])
			for _, b := range scratch[:n] {
				h = (h ^ uint32(b)) * 16777619
			}
		}
		res <- h
	}()
	select {
	case h := <-res:
		return h, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

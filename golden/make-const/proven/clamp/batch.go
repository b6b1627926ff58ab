// Package batch acknowledges message IDs in bounded batches.
package batch

// maxBatch is the most IDs one acknowledgement carries.
const maxBatch = 20

// Flush encodes at most maxBatch pending IDs, newest first, as one acknowledgement token.
func Flush(pending []int64) (int, uint64) {
	size := len(pending)
	if size > maxBatch {
		size = maxBatch
	}
	ids := make([]int64, size) // want(<go1.25) "make\\(\\[\\]int64, size\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int64, size\\) does not escape"
	for i := range ids {
		ids[i] = pending[len(pending)-1-i]
	}
	h := uint64(14695981039346656037)
	for _, id := range ids {
		h = (h ^ uint64(id)) * 1099511628211
	}
	return len(ids), h
}

// Package batch acknowledges message IDs in bounded batches.
package batch

// Flush encodes at most 20 pending IDs, newest first, as one acknowledgement token.
func Flush(pending []int64) (int, uint64) {
	size := len(pending)
	if size > 20 {
		size = 20
	}
	ids := make([]int64, size) // want(<go1.25) "make\\(\\[\\]int64, size\\) escapes to heap" want(>=go1.25) "does not escape"
	for i := range ids {
		ids[i] = pending[len(pending)-1-i]
	}
	return len(ids), token(ids)
}

func token(ids []int64) uint64 {
	h := uint64(14695981039346656037)
	for _, id := range ids {
		h = (h ^ uint64(id)) * 1099511628211
	}
	return h
}

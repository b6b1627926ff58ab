// Package audit keeps fixed-size audit records.
package audit

// Record is one audit entry: 512 bytes, more than the default stack budget per buffer.
type Record struct {
	Actor  [64]byte
	Action [448]byte
}

// Count reports how many of the first n entries have a non-empty actor.
func Count(entries []Record, n int) int {
	recs := make([]Record, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "more than the stack budget of 256 bytes"
	copy(recs, entries)
	count := 0
	for i := range recs {
		if recs[i].Actor[0] != 0 {
			count++
		}
	}
	return count
}

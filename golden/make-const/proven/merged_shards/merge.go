// Package merge combines the newest IDs two shards report into one checksum.
package merge

// maxPerShard is how many IDs a shard contributes to one merge.
const maxPerShard = 16

// Checksum merges the newest IDs of two shards, each sorted ascending, and hashes the merged order.
func Checksum(a, b []uint64) uint64 {
	na, nb := min(len(a), maxPerShard), min(len(b), maxPerShard)
	merged := make([]uint64, 0, na+nb) // want(<go1.25) "make\\(\\[\\]uint64, 0, na \\+ nb\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]uint64, 0, na \\+ nb\\) does not escape"
	a, b = a[len(a)-na:], b[len(b)-nb:]
	for len(a) > 0 && len(b) > 0 {
		if a[0] <= b[0] {
			merged, a = append(merged, a[0]), a[1:]
		} else {
			merged, b = append(merged, b[0]), b[1:]
		}
	}
	merged = append(append(merged, a...), b...)
	h := uint64(14695981039346656037)
	for _, id := range merged {
		h = (h ^ id) * 1099511628211
	}
	return h
}

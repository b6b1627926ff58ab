// Package slots keeps per-shard counters for a sharded cache.
package slots

// shardMask selects one of 64 shards from a key's hash.
const shardMask = 63

// Hot counts, for the shards up to the key's own, how many of the given hits fall in each, and
// returns the busiest shard. The mask bounds the shard count for every hash.
func Hot(hash uint64, hits []uint64) int {
	n := int(hash&shardMask) + 1
	counts := make([]uint32, n&shardMask) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for _, h := range hits {
		if i := int(h & shardMask); i < len(counts) {
			counts[i]++
		}
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	return best
}

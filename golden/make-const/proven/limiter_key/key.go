// Package key picks the shard a rate limiter keeps a tenant's route window in.
package key

import "strconv"

// Shard is the shard of the limiter key "tenant|route|start" among shards, or -1 for a tenant or route too
// long to be one.
func Shard(tenant, route string, start int64, shards uint32) int {
	n := len(tenant) + 1 + len(route) + 1 + 20
	if len(tenant) > 64 || len(route) > 128 || shards == 0 {
		return -1
	}
	b := make([]byte, 0, n) // want(<go1.25) "make\\(\\[\\]byte, 0, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, n\\) does not escape"
	b = append(b, tenant...)
	b = append(b, '|')
	b = append(b, route...)
	b = append(b, '|')
	b = strconv.AppendInt(b, start, 10)
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return int(h % shards)
}

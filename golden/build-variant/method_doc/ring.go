package method_doc

// Ring keeps recent latencies.
type Ring struct {
	vals []int64
	next int
}

// Add records one latency.
func (r *Ring) Add(v int64) {
	r.vals[r.next%len(r.vals)] = v
	r.next++
}

// Worst returns the largest of the last k latencies.
//
// k is at most 4: dashboards show the four most recent.
func (r *Ring) Worst(k int) int64 {
	if len(r.vals) < k {
		return 0
	}
	if k > 4 {
		return 0
	}
	recent := make([]int64, k) // want(<go1.25) "make\\(\\[\\]int64, k\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]int64, k\\) does not escape"
	for i := range recent {
		recent[i] = r.vals[(r.next-1-i+len(r.vals))%len(r.vals)]
	}
	worst := recent[0]
	for _, v := range recent {
		worst = max(worst, v)
	}
	return worst
}

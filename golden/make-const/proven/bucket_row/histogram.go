// Package histogram buckets latencies.
package histogram

// buckets is how many latency buckets a row has.
const buckets = 24

// Row returns the cumulative count of samples in the buckets below the one id maps to: the
// remainder bounds the row length by buckets-1 for every id.
func Row(id int, samples []int) int {
	row := make([]int, id%buckets) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for _, s := range samples {
		if s >= 0 && s < len(row) {
			row[s]++
		}
	}
	total := 0
	for _, c := range row {
		total += c
	}
	return total
}

package store

import "fmt"

var requests int

// Next counts a request and labels it: the count is read by a call.
func Next() string { return fmt.Sprintf("req-%d", count()) }

func count() int {
	requests++
	return requests
}

// Labels appends a label per shard.
func Labels(n int) []string {
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, fmt.Sprintf("shard-%d", i))
	}
	return out
}
